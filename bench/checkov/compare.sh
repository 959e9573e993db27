#!/bin/sh
# Bench only (not part of npm test): Checkov and kumoscan on the same Terraform plan files, bucket by bucket.
# Checkov lives in its own venv here:  python3 -m venv bench/checkov/.venv && bench/checkov/.venv/bin/pip install checkov==3.3.30
# Run from the repository root after `npx tsc -p tsconfig.json`:  sh bench/checkov/compare.sh
set -eu
CHECKOV=bench/checkov/.venv/bin/checkov
for plan in bench/checkov/plans/*.json test/fixtures/terraform/hr/plan.json; do
  echo "== $plan"
  echo "-- checkov (failed checks by resource)"
  "$CHECKOV" -f "$plan" --framework terraform_plan -o json --quiet --compact 2>/dev/null \
    | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{const r=JSON.parse(t||"{}");const f=(Array.isArray(r)?r:[r]).flatMap(x=>x.results?.failed_checks??[]);const by={};for(const c of f)(by[c.resource]??=[]).push(c.check_id);for(const[k,v]of Object.entries(by).sort())console.log(`  ${k}: ${v.sort().join(" ")}`)})'
  echo "-- kumoscan (anyone can read/list/write)"
  node bin/kumoscan.js scan terraform "$plan" --assume account-bpa=off --format json --fail-on none \
    | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{for(const r of JSON.parse(t).resources)console.log(`  ${r.source?.address??r.name}: ${r.exposure.read}/${r.exposure.list}/${r.exposure.write}`)})'
done
