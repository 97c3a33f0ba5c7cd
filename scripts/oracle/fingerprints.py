"""JA4 / JA4S / JA4X / JA4T string building per shared/spec/fingerprints.md.

Inputs are plain Python values (ints, bytes) already taken from tshark's
dissection; this module knows nothing about tshark or tlsprint.
"""
import hashlib

GREASE = {(b << 8) | b for b in range(0x0A, 0x100, 0x10)}
VERSION_MAP = {0x0304: "13", 0x0303: "12", 0x0302: "11", 0x0301: "10",
               0x0300: "s3", 0x0002: "s2", 0xFEFF: "d1", 0xFEFD: "d2", 0xFEFC: "d3"}
VERSION_NAME = {0x0304: "TLS 1.3", 0x0303: "TLS 1.2", 0x0302: "TLS 1.1",
                0x0301: "TLS 1.0", 0x0300: "SSL 3.0"}
HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"


def hash12(text):
    """First 12 hex chars of SHA-256, or twelve zeros for the empty string."""
    if not text:
        return "000000000000"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def hex4(values):
    return [f"{v:04x}" for v in values]


def count2(n):
    return f"{min(n, 99):02d}"


def no_grease(values):
    return [v for v in values if v not in GREASE]


def pick_version(supported, legacy):
    """Highest non-GREASE supported_versions value (newest for DTLS), else legacy."""
    vals = no_grease(supported)
    if not vals:
        return legacy
    if all(v >= 0xFE00 for v in vals):
        return min(vals)
    return max(vals)


def version_code(v):
    return VERSION_MAP.get(v, "00")


def version_name(v):
    return VERSION_NAME.get(v, f"0x{v:04x}")


def alpn_chars(value):
    """Spec 1.4: first/last char; hex rule when an end byte is not alphanumeric."""
    if value is None or len(value) == 0:
        return "00"
    def alnum(b):
        return (0x30 <= b <= 0x39) or (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A)
    if alnum(value[0]) and alnum(value[-1]):
        return chr(value[0]) + chr(value[-1])
    h = value.hex()
    return h[0] + h[-1]


def ja4(proto, ch):
    """(ja4, ja4_r, ja4_o, ja4_ro) from a ClientHello dict."""
    ciphers = no_grease(ch["ciphers"])
    exts = no_grease(ch["ext_types"])
    sigs = no_grease(ch["sigs"])
    version = pick_version(ch["supported_versions"], ch["legacy_version"])
    first_alpn = ch["alpn"][0] if ch["alpn"] else None
    a = (proto + version_code(version) + ("d" if 0 in ch["ext_types"] else "i")
         + count2(len(ciphers)) + count2(len(exts)) + alpn_chars(first_alpn))
    sig_s = ",".join(hex4(sigs))
    b_sorted = ",".join(sorted(hex4(ciphers)))
    c_sorted = ",".join(sorted(hex4([e for e in exts if e not in (0x0000, 0x0010)])))
    if sig_s:
        c_sorted += "_" + sig_s
    b_orig = ",".join(hex4(ciphers))
    c_orig = ",".join(hex4(exts))
    if sig_s:
        c_orig += "_" + sig_s
    return (f"{a}_{hash12(b_sorted)}_{hash12(c_sorted)}",
            f"{a}_{b_sorted}_{c_sorted}",
            f"{a}_{hash12(b_orig)}_{hash12(c_orig)}",
            f"{a}_{b_orig}_{c_orig}")


def ja4s(proto, sh):
    """(ja4s, ja4s_r) from a ServerHello dict."""
    exts = no_grease(sh["ext_types"])
    version = pick_version(sh["supported_versions"], sh["legacy_version"])
    a = proto + version_code(version) + count2(len(exts)) + alpn_chars(sh["alpn"][0] if sh["alpn"] else None)
    c = ",".join(hex4(exts))
    return f"{a}_{sh['cipher']:04x}_{hash12(c)}", f"{a}_{sh['cipher']:04x}_{c}"


def ja4x(issuer, subject, exts):
    """(ja4x, ja4x_r) from the three OID hex lists."""
    parts = [",".join(issuer), ",".join(subject), ",".join(exts)]
    return "_".join(hash12(p) for p in parts), "_".join(parts)


def ja4t(syn):
    """JA4T/JA4TS from a TCP SYN or SYN-ACK dict."""
    kinds = "-".join(str(k) for k in syn["option_kinds"])
    return f"{syn['window']}_{kinds}_{syn['mss'] or 0}_{syn['wscale'] or 0}"
