#!/usr/bin/env python3
"""Regenerates the stream fixtures in this folder from the shared corpus (see SOURCES.md).

Usage: python3 extract.py /path/to/shared/corpus
Each output file holds the first bytes of both directions of one TCP stream, as tshark's
`follow,tcp,raw` reassembled them (one line per chunk: `C` client->server, `S` server->client),
plus `# expect KEY: VALUE` lines taken from the corpus expected.json (never from tlsprint).
"""
import json, subprocess, sys

CAP = 16384
corpus = sys.argv[1]
foxio = {f['pcap']: f for f in json.load(open(f'{corpus}/foxio/expected.json'))['files']}
arkime = {f['pcap']: f for f in json.load(open(f'{corpus}/arkime/expected.json'))['files']}
derived = {f['pcap']: f for f in json.load(open(f'{corpus}/foxio/derived/expected.json'))['files']}

# name, corpus, pcap, stream, overrides
CASES = [
    ('badcurveball', 'foxio', 'badcurveball.pcap', 0, {}),
    ('derived-3rec-3seg', 'foxio/derived', 'badcurveball-ch-3rec-3seg.pcap', 0, {}),
    ('derived-3seg-tiny', 'foxio/derived', 'badcurveball-ch-3seg-tiny.pcap', 0, {}),
    ('https-connect', 'foxio', 'https-connect.pcap', 0, {}),
    # fingerprints.md §1.4: tlsprint follows the written spec's hex rule for the non-ASCII first ALPN.
    ('tls-non-ascii-alpn', 'foxio', 'tls-non-ascii-alpn.pcapng', 0, {'ja4': 't13d1516bd_8daaf6152771_e5627efa2ab1'}),
    ('tls12', 'foxio', 'tls12.pcap', 0, {}),
    ('browsers-x509', 'foxio', 'browsers-x509.pcapng', 0, {}),
    ('arkime-no-extensions', 'arkime', 'arkime_synthetic.pcap', 80, {}),
    ('arkime-sni-only', 'arkime', 'arkime_synthetic.pcap', 90, {}),
    ('arkime-groups-only', 'arkime', 'arkime_synthetic.pcap', 92, {}),
    ('arkime-256-extensions', 'arkime', 'arkime_synthetic.pcap', 97, {}),
    ('tls13-draft', 'arkime', 'tls13.pcap', 0, {}),
    ('smtp-starttls', 'arkime', 'smtp-starttls.pcap', 0, {}),
    ('mysql-tls', 'arkime', 'mysql-tls.pcap', 0, {}),
    ('ssl3-selfsign', 'arkime', 'ssl-selfsign.pcap', 0, {}),
    ('https-generalizedtime', 'arkime', 'https-generalizedtime.pcap', 0, {}),
    ('ldap-starttls', 'arkime', 'ldap-ssl.pcap', 0, {}),
    ('socks4-https', 'arkime', 'socks4-https.pcap', 0, {}),
]


def expectations(source, pcap, stream):
    if source.startswith('foxio'):
        table = derived if source == 'foxio/derived' else foxio
        for s in table[pcap]['streams'] or []:
            if s['stream'] == stream and s['transport'] == 'tcp':
                out = {k: s[k] for k in ('ja4', 'ja4s') if k in s}
                certs = [x['ja4x'] for c in s.get('tls_certs', []) for x in c['x509']]
                if certs:
                    out['ja4x_chain'] = ','.join(certs)
                return out
        return {}
    for s in arkime[pcap]['streams']:
        if s['tshark_stream'] == stream and s['transport'] == 'tcp':
            return {k: s[k] for k in ('ja3_full', 'ja4', 'ja4_r', 'ja3s_full', 'ja4s', 'ja4s_r') if k in s}
    return {}


def tshark_ja3(path, stream):
    out = subprocess.run(['tshark', '-r', path, '-Y', f'tcp.stream=={stream} && tls.handshake',
                          '-T', 'fields', '-e', 'frame.number', '-e', 'tls.handshake.ja3_full',
                          '-e', 'tls.handshake.ja3s_full'], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        parts = (line.split('\t') + ['', '', ''])[:3]
        if parts[1] and 'tshark_ja3_full' not in found:
            found['tshark_ja3_full'] = parts[1].split(',ja3')[0]
            found['client_frame'] = parts[0]
        if parts[2] and 'tshark_ja3s_full' not in found:
            found['tshark_ja3s_full'] = parts[2]
            found['server_frame'] = parts[0]
    return found


for name, source, pcap, stream, overrides in CASES:
    path = f'{corpus}/{source}/{pcap}' if source == 'foxio/derived' else f'{corpus}/{source}/pcap/{pcap}'
    follow = subprocess.run(['tshark', '-r', path, '-qz', f'follow,tcp,raw,{stream}'],
                            capture_output=True, text=True).stdout
    chunks, sizes = [], {'C': 0, 'S': 0}
    for line in follow.splitlines():
        if not line.strip() or line.startswith(('=', 'Follow', 'Filter', 'Node')):
            continue
        side = 'S' if line.startswith('\t') else 'C'
        data = line.strip()
        room = CAP - sizes[side]
        if room <= 0:
            continue
        data = data[:2 * room]
        sizes[side] += len(data) // 2
        chunks.append((side, data))
    expect = expectations(source, pcap, stream)
    expect.update(overrides)
    ja3 = tshark_ja3(path, stream)
    with open(f'{name}.hex', 'w') as f:
        f.write(f'# corpus: {path[len(corpus) + 1:]}, tcp stream {stream}'
                f' (ClientHello frame {ja3.get("client_frame", "-")}, ServerHello frame {ja3.get("server_frame", "-")})\n')
        f.write(f'# command: tshark -r {pcap} -qz follow,tcp,raw,{stream}'
                f' (first {CAP} bytes per direction; C = client->server, S = server->client)\n')
        f.write(f'# expectations: {source}/expected.json stream {stream}; tshark_* from'
                f' tshark -Y "tcp.stream=={stream} && tls.handshake" -e tls.handshake.ja3_full -e tls.handshake.ja3s_full\n')
        for key, value in list(expect.items()) + [(k, v) for k, v in ja3.items() if k.startswith('tshark')]:
            f.write(f'# expect {key}: {value}\n')
        for side, data in chunks:
            for i in range(0, len(data), 128):
                f.write(f'{side} {data[i:i + 128]}\n')
    print(name, sizes, expect.keys(), ja3.keys())
