#!/usr/bin/env python3
"""Regenerates the SSH stream fixtures in this folder from the shared corpus (see SOURCES.md).

Usage: python3 extract.py /path/to/shared/corpus
Each output file holds the first bytes of both directions of one SSH stream, as tshark's `follow,tcp,raw`
reassembled them (`C` client->server, `S` server->client), cut after the direction's first KEXINIT (after
the identification line for SSH 1), plus `# expect KEY: VALUE` lines from the corpus expected.json and from
tshark's own SSH dissector (never from tlsprint).
"""
import json, struct, subprocess, sys

corpus = sys.argv[1]
foxio = {f['pcap']: f for f in json.load(open(f'{corpus}/foxio/expected.json'))['files']}

# name, pcap, tcp stream
CASES = [
    ('openssh-7.6-8.9', 'ssh.pcapng', 0),
    ('putty-0.74', 'ssh-r.pcap', 0),
    ('winscp-5.17', 'ssh-scp-1050.pcap', 0),
    ('openssh-1.99-server', 'ssh2-malformed.pcap', 0),
    ('ssh1', 'sshv1.pcap', 0),
]


def cut(data):
    """The bytes up to the end of the first KEXINIT (or of the identification line when no SSH 2 follows)."""
    index = 0
    while True:
        end = data.index(b'\n', index) + 1
        line, index = data[index:end], end
        if line.startswith(b'SSH-'):
            break
    if line.startswith(b'SSH-1.') and not line.startswith(b'SSH-1.99-'):
        return data[:index]
    while index + 5 <= len(data):
        length, message = struct.unpack('>I', data[index:index + 4])[0], data[index + 5]
        index += 4 + length
        if message == 20:
            return data[:index]
    return data


def tshark_fields(path, stream):
    fields = ['ssh.kex.hassh', 'ssh.kex.hassh_algorithms', 'ssh.kex.hasshserver', 'ssh.kex.hasshserver_algorithms']
    command = ['tshark', '-r', path, '-Y', f'tcp.stream=={stream} && ssh', '-T', 'fields', '-E', 'separator=|']
    for field in fields:
        command += ['-e', field]
    found = {}
    for line in subprocess.run(command, capture_output=True, text=True).stdout.splitlines():
        for field, value in zip(fields, line.split('|')):
            if value and 'tshark_' + field not in found:
                found['tshark_' + field] = value
    return found


for name, pcap, stream in CASES:
    path = f'{corpus}/foxio/pcap/{pcap}'
    follow = subprocess.run(['tshark', '-r', path, '-qz', f'follow,tcp,raw,{stream}'],
                            capture_output=True, text=True).stdout
    sides = {'C': b'', 'S': b''}
    for line in follow.splitlines():
        if not line.strip() or line.startswith(('=', 'Follow', 'Filter', 'Node')):
            continue
        sides['S' if line.startswith('\t') else 'C'] += bytes.fromhex(line.strip())
    record = next(s for s in foxio[pcap]['streams'] if s['stream'] == stream and s['transport'] == 'tcp')
    extras = record['ssh_extras']
    expect = {key: extras[key] for key in ('hassh', 'hassh_server', 'ssh_protocol_client', 'ssh_protocol_server')
              if extras.get(key)}
    expect.update(tshark_fields(path, stream))
    with open(f'{name}.hex', 'w') as out:
        out.write(f'# corpus: foxio/pcap/{pcap}, tcp stream {stream}\n')
        out.write(f'# command: tshark -r {pcap} -qz follow,tcp,raw,{stream}, each direction cut after its first'
                  f' KEXINIT (SSH 1: after the identification line); C = client->server, S = server->client\n')
        out.write(f'# expectations: foxio/expected.json stream {stream} ssh_extras; tshark_* from'
                  f' tshark -Y "tcp.stream=={stream} && ssh" -e ssh.kex.hassh ...\n')
        for key, value in expect.items():
            out.write(f'# expect {key}: {value}\n')
        for side in 'CS':
            data = cut(sides[side]).hex()
            for i in range(0, len(data), 128):
                out.write(f'{side} {data[i:i + 128]}\n')
    print(name, {side: len(cut(sides[side])) for side in 'CS'}, sorted(expect))
