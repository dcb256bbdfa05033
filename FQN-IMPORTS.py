"""Replaces inline fully-qualified type names in code (not comments, strings, imports or annotations) by imports.
Usage from the repository root: python3 FQN-IMPORTS.py [--apply]  (AVOID=file lists paths to leave alone).
Skips a name whose simple name is already taken in the file or its package."""
import re, subprocess, sys, collections, os
avoid=set(open(os.environ['AVOID']).read().split()) if os.environ.get('AVOID') else set()
files=[f for f in subprocess.run(['git','ls-files','*.java'],capture_output=True,text=True).stdout.split() if f not in avoid]
fqn=re.compile(r'(?<![\w.@"])((?:java|javax|jakarta|org|com|dev|io|net)\.(?:[a-z][a-z0-9_]*\.)+)([A-Z]\w*)')
apply='--apply' in sys.argv
total=0; report=collections.Counter()
for p in files:
    src=open(p).read()
    lines=src.split('\n')
    pkg=re.search(r'^package ([\w.]+);',src,re.M); pkg=pkg.group(1) if pkg else ''
    imports=set(re.findall(r'^import ([\w.]+);',src,re.M))
    simple_imported={i.rsplit('.',1)[1]:i for i in imports}
    declared=set(re.findall(r'\b(?:class|interface|enum|record)\s+([A-Z]\w*)',src))
    out=[]; incomment=False; newimports=set(); changed=False
    for line in lines:
        s=line.strip()
        code=line
        if s.startswith('import ') or s.startswith('package '): out.append(line); continue
        # skip comment lines
        if incomment or s.startswith('/*') or s.startswith('*') or s.startswith('//'):
            if '/*' in s and '*/' not in s: incomment=True
            if '*/' in s: incomment=False
            out.append(line); continue
        def rep(m):
            global total
            full=m.group(1)+m.group(2); simple=m.group(2)
            owner=m.group(1)[:-1]
            # nested type: owner's last segment capitalized? regex ensures lowercase segments only
            if simple in declared and simple_imported.get(simple)!=full: return m.group(0)
            if os.path.exists(os.path.join(os.path.dirname(p), simple+'.java')) and owner!=pkg: return m.group(0)
            if any(i.endswith('.*') for i in imports): return m.group(0)
            if simple in simple_imported and simple_imported[simple]!=full: return m.group(0)
            # conflict with another new import of same simple name
            if any(n.rsplit('.',1)[1]==simple and n!=full for n in newimports): return m.group(0)
            # java.lang types need no import
            total_inc()
            if owner!=pkg and owner!='java.lang': newimports.add(full)
            return simple
        def total_inc():
            report[p]+=1
        # don't touch string literals: split on quotes
        parts=re.split(r'("(?:[^"\\]|\\.)*")',line)
        newparts=[pt if pt.startswith('"') else fqn.sub(rep,pt) for pt in parts]
        nl=''.join(newparts)
        if nl!=line: changed=True
        out.append(nl)
    if changed and apply:
        text='\n'.join(out)
        add=sorted(i for i in newimports if i not in imports)
        # also check same simple name of a class in same package file? skip
        if add:
            m=list(re.finditer(r'^import [^\n]+;\n',text,re.M))
            ins=''.join(f'import {i};\n' for i in add)
            if m:
                pos=m[-1].end(); text=text[:pos]+ins+text[pos:]
            else:
                pm=re.search(r'^package [^\n]+;\n',text,re.M); pos=pm.end(); text=text[:pos]+'\n'+ins+text[pos:]
        open(p,'w').write(text)
print(sum(report.values()), len(report))
for p,c in report.most_common(200): print(c,p)
