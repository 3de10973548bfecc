#!/usr/bin/env python3
"""Shares of CPU samples by component, from `perf script -F comm,tid,ip,sym,dso` of the bench process.

Each sample is charged to the innermost frame that belongs to a component (an assembly other than the base class
library, or a native library such as SQLite); samples with no such frame are charged to their thread (the thread
pool's own work, GC threads). The tiered-compilation thread is reported as JIT. See BENCHMARKS.md, "Ingest CPU per
message, round two", for the command lines that produce the input.

usage: perf-shares.py <perf script output>
"""
import collections
import re
import sys

BCL = {'System.Private.CoreLib', 'System.Runtime', 'System.Collections', 'System.Collections.Concurrent', 'System.Linq',
       'System.Memory', 'System.Collections.Immutable', 'System.Threading', 'System.Runtime.InteropServices',
       'System.ObjectModel', 'System.Threading.Channels', 'Microsoft.Extensions.ObjectPool',
       'System.Diagnostics.DiagnosticSource', 'System.Runtime.Intrinsics', 'System.Console'}

GROUPS = [
    ('JIT (tiered compilation thread)', lambda k: k == 'JIT'),
    ('GC threads', lambda k: 'Server GC' in k or 'BGC' in k),
    ('thread pool, timers: no managed frame', lambda k: k.startswith('(thread)')),
    ('load generator (HttpClient, bench)', lambda k: k in ('System.Net.Http', 'Orchestrator.Bench', 'System.Private.Uri', 'System.Net.Primitives')),
    ('OpenTelemetry (metrics, activities)', lambda k: k.startswith('OpenTelemetry')),
    ('Kestrel, ASP.NET Core pipeline, sockets', lambda k: k.startswith(('Microsoft.AspNetCore', 'Microsoft.Extensions'))
        or k in ('System.IO.Pipelines', 'System.Net.Sockets', 'openssl', 'System.Security.Cryptography', 'System.Text.Encodings.Web')),
    ('Akka (actors, sharding, remote, streams)', lambda k: k in ('Akka', 'Akka.Streams', 'Akka.Cluster.Sharding', 'Akka.Remote', 'Akka.Cluster', 'Akka.Cluster.Tools')),
    ('journal (Akka.Persistence[.Sql], linq2db, driver)', lambda k: k in ('Akka.Persistence', 'Akka.Persistence.Sql', 'linq2db', 'Npgsql',
        'Microsoft.Data.Sqlite', 'sqlite', 'SQLitePCLRaw.core', 'SQLitePCLRaw.provider.e_sqlite3', 'Anonymously Hosted DynamicMethods Assembly')),
    ('service code and System.Text.Json', lambda k: k.startswith('Orchestrator') or k == 'System.Text.Json'),
]


def read(path):
    samples, current = [], None
    for line in open(path, errors='replace'):
        line = line.rstrip('\n')
        if not line.strip():
            if current:
                samples.append(current)
            current = None
        elif not line[0].isspace():
            match = re.match(r'^(.*?)\s+\d+\s*$', line)
            current = (re.sub(r'\d+', '#', match.group(1) if match else line), [])
        elif current is not None and (frame := re.match(r'^\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$', line)):
            current[1].append((frame.group(1), frame.group(2).split('/')[-1]))
    if current:
        samples.append(current)
    return samples


def component(symbol, module):
    if module.startswith('perf-'):
        match = re.search(r'\[([^\]]+)\] ', symbol)  # "[Assembly] Namespace.Type::Method" in the JIT's perf map
        return match.group(1) if match else None
    if module.endswith('.dll'):  # ReadyToRun code the perf map does not name
        return module[:-4]
    return {'libe_sqlite3.so': 'sqlite', 'libcrypto.so.3': 'openssl', 'libssl.so.3': 'openssl'}.get(module)


def charge(thread, frames):
    if 'Tiered Com' in thread:
        return 'JIT'
    for symbol, module in frames:
        if (name := component(symbol, module)) and name not in BCL:
            return name
    return '(thread) ' + thread


def main(path):
    samples = read(path)
    charged = collections.Counter(charge(thread, frames) for thread, frames in samples)
    groups = collections.Counter()
    for name, count in charged.items():
        groups[next((group for group, matches in GROUPS if matches(name)), 'other: ' + name)] += count
    print(f'{len(samples)} samples')
    for title, counter, top in (('groups', groups, 30), ('components', charged, 40)):
        print(f'== {title}')
        for name, count in counter.most_common(top):
            print(f'{100 * count / len(samples):5.1f}%  {name}')


if __name__ == '__main__':
    main(sys.argv[1])
