"""Certificate fields from `openssl x509` (an independent X.509 decoder)."""
import datetime
import hashlib
import os
import subprocess
import tempfile

from fingerprints import ja4x
from x509_der import ja4x_lists


def _openssl(args, der):
    return subprocess.run(["openssl", "x509", "-inform", "DER", "-noout"] + args,
                          input=der, capture_output=True, check=True).stdout.decode()


def _rfc3339(openssl_date):
    d = datetime.datetime.strptime(openssl_date.replace("  ", " ").strip(), "%b %d %H:%M:%S %Y GMT")
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def _self_signed(der, subject, issuer):
    if subject != issuer:
        return False
    with tempfile.TemporaryDirectory() as d:
        pem = os.path.join(d, "c.pem")
        with open(pem, "wb") as f:
            f.write(subprocess.run(["openssl", "x509", "-inform", "DER"], input=der,
                                   capture_output=True, check=True).stdout)
        r = subprocess.run(["openssl", "verify", "-no-CApath", "-no-CAstore", "-check_ss_sig",
                            "-partial_chain", "-CAfile", pem, pem], capture_output=True)
        return r.returncode == 0


def cert_fields(der):
    """Dict of ja4x/ja4x_r, subject, issuer, subject_cn, sans, validity, serial, sha256, self_signed."""
    nameopt = ["-nameopt", "sep_comma_plus_space,sname,utf8,esc_2253,dump_nostr"]
    subject = _openssl(["-subject"] + nameopt, der).strip().removeprefix("subject=")
    issuer = _openssl(["-issuer"] + nameopt, der).strip().removeprefix("issuer=")
    cn = _openssl(["-subject", "-nameopt", "multiline,utf8,sname"], der)
    subject_cn = ""
    for line in cn.splitlines():
        line = line.strip()
        if line.startswith("CN"):
            subject_cn = line.split("=", 1)[1].strip()
    dates = dict(l.split("=", 1) for l in _openssl(["-startdate", "-enddate"], der).splitlines() if "=" in l)
    serial = _openssl(["-serial"], der).strip().split("=", 1)[1].lower()
    sans = []
    try:
        text = _openssl(["-ext", "subjectAltName"], der)
        for line in text.splitlines()[1:]:
            for item in line.strip().split(", "):
                if item.startswith("DNS:"):
                    sans.append(item[4:])
                elif item.startswith("IP Address:"):
                    sans.append(item[len("IP Address:"):])
    except subprocess.CalledProcessError:
        pass
    iss, sub, exts = ja4x_lists(der)
    fp, fp_r = ja4x(iss, sub, exts)
    return {"ja4x": fp, "ja4x_r": fp_r, "subject_cn": subject_cn, "subject": subject, "issuer": issuer,
            "sans": sans, "not_before": _rfc3339(dates["notBefore"]), "not_after": _rfc3339(dates["notAfter"]),
            "serial": serial, "sha256": hashlib.sha256(der).hexdigest(),
            "self_signed": _self_signed(der, subject, issuer)}
