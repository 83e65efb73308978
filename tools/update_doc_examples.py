#!/usr/bin/env python3
"""Re-runs the worked examples in Markdown files and pastes their real output.

A block
    <!-- example: km examples/data/aml.csv --formula "Surv(time, status) ~ x" -->
    ```text
    ...
    ```
    <!-- /example -->
is replaced by the command line and the output `evident ARGS` prints now. Usage, from the repository root:
    python3 tools/update_doc_examples.py "dotnet path/to/evident.dll" README.md [more.md ...]
"""
import re, shlex, subprocess, sys

BLOCK = re.compile(r"<!-- example: (?P<args>.*?) -->\n.*?<!-- /example -->", re.S)

def run(command, args):
    proc = subprocess.run(shlex.split(command) + shlex.split(args), capture_output=True, text=True, timeout=600)
    out = proc.stdout.rstrip() + ("\n" + proc.stderr.rstrip() if proc.stderr.strip() else "")
    lines = [line.rstrip() for line in out.splitlines()]
    return "\n".join(lines)

def main():
    command, files = sys.argv[1], sys.argv[2:]
    for path in files:
        text = open(path, encoding="utf-8").read()
        def replace(m):
            args = m.group("args")
            return f"<!-- example: {args} -->\n```text\n$ evident {args}\n{run(command, args)}\n```\n<!-- /example -->"
        open(path, "w", encoding="utf-8").write(BLOCK.sub(replace, text))

if __name__ == "__main__":
    main()
