"""Minimal DER walker for JA4X: attribute-type OIDs of issuer and subject and
the extension OIDs of an X.509 certificate (RFC 5280 section 4.1).

Written for the oracle only; independent of tlsprint's parser.
"""


def read_tlv(buf, pos):
    """(tag, content_start, content_end) of the TLV at pos."""
    tag = buf[pos]
    length = buf[pos + 1]
    pos += 2
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(buf[pos:pos + n], "big")
        pos += n
    if pos + length > len(buf):
        raise ValueError("truncated DER")
    return tag, pos, pos + length


def children(buf, start, end):
    """TLVs inside a constructed value."""
    out = []
    pos = start
    while pos < end:
        tag, cs, ce = read_tlv(buf, pos)
        out.append((tag, cs, ce))
        pos = ce
    return out


def name_oids(buf, start, end):
    """Hex OIDs of every attribute of every RDN of a Name, in order."""
    oids = []
    for _tag, ss, se in children(buf, start, end):          # SET (RDN)
        for _t2, as_, ae in children(buf, ss, se):          # SEQUENCE (AttributeTypeAndValue)
            parts = children(buf, as_, ae)
            if parts and parts[0][0] == 0x06:
                oids.append(buf[parts[0][1]:parts[0][2]].hex())
    return oids


def ja4x_lists(der):
    """(issuer_oids, subject_oids, extension_oids) as lists of hex strings."""
    _t, cs, ce = read_tlv(der, 0)                      # Certificate
    _t, ts, te = children(der, cs, ce)[0]              # tbsCertificate
    fields = children(der, ts, te)
    i = 0
    if fields[0][0] == 0xA0:                           # [0] version
        i = 1
    serial, sig, issuer, validity, subject = fields[i:i + 5]
    ext_oids = []
    for tag, fs, fe in fields[i + 6:]:
        if tag == 0xA3:                                # [3] extensions
            _t, ss, se = read_tlv(der, fs)
            for _t2, es, ee in children(der, ss, se):
                parts = children(der, es, ee)
                if parts and parts[0][0] == 0x06:
                    ext_oids.append(der[parts[0][1]:parts[0][2]].hex())
    return (name_oids(der, issuer[1], issuer[2]),
            name_oids(der, subject[1], subject[2]),
            ext_oids)
