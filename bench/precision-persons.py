"""Precision and persons on documents written with faker ja_JP (names, dates, phones, addresses no detector was
tuned on): employee masters with dated columns, headerless name lists with mixed spacing, health-check sheets
with several people, payslips, letters, forms with 提出日, source code whose docstring mentions 個人番号.

Usage (a venv with faker under bench/out, which git ignores):
  python3 -m venv bench/out/venv && bench/out/venv/bin/pip install faker==33.1.0
  bench/out/venv/bin/python bench/precision-persons.py [--kumoscan bin/kumoscan.js] [--seed 7] [--out bench/out/precision]

Prints, per detector (my_number, birth_date, person_name), precision and recall of the high-confidence counts per
file (a count above the truth is false positives, below it misses), and how many files get their persons right.
"""
import argparse
import json
import os
import random
import subprocess
import sys

from faker import Faker

WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]


def my_number(rng):
    body = ''.join(str(rng.randint(0, 9)) for _ in range(11))
    s = sum(int(body[10 - i]) * (i + 2 if i < 6 else i - 4) for i in range(11))
    r = s % 11
    return body + str(0 if r <= 1 else 11 - r)


def spaced_name(fake, sep):
    return f'{fake.last_name()}{sep}{fake.first_name()}'


def birth(fake, fmt):
    d = fake.date_of_birth(minimum_age=20, maximum_age=70)
    return {'slash': d.strftime('%Y/%m/%d'), 'compact': d.strftime('%Y%m%d'), 'kanji': f'{d.year}年{d.month}月{d.day}日'}[fmt]


def recent(fake, fmt='slash'):
    d = fake.date_between(start_date='-3y', end_date='-1d')
    return d.strftime('%Y/%m/%d') if fmt == 'slash' else f'{d.year}年{d.month}月{d.day}日'


def generate(out, seed):
    fake = Faker('ja_JP')
    Faker.seed(seed)
    rng = random.Random(seed)
    truth = {}
    os.makedirs(out, exist_ok=True)

    def write(name, text, **expected):
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(text)
        truth[name] = expected

    for k in range(3):
        n = 30
        rows = ['社員番号,氏名,生年月日,入社日,提出日,マイナンバー,電話番号,メールアドレス']
        for i in range(n):
            rows.append(','.join([f'E{seed}{k}{i:03d}', spaced_name(fake, rng.choice([' ', '\u3000'])), birth(fake, rng.choice(['slash', 'compact'])),
                                  recent(fake), recent(fake), my_number(rng), fake.phone_number(), fake.email()]))
        write(f'employees-{k}.csv', '\n'.join(rows) + '\n', my_number=n, birth_date=n, person_name=n, persons=n)

    for k in range(3):
        n = 25
        rows = []
        distinct = set()
        for i in range(n):
            sep = rng.choice([' ', '\u3000', '', ''])
            name = spaced_name(fake, sep)
            distinct.add(name.replace(' ', '').replace('\u3000', ''))
            rows.append(','.join([name, rng.choice(['営業部', '総務部', '開発部', '人事部']), recent(fake)]))
        # a name alone keys a row: faker's repeated names are one person each
        write(f'names-headerless-{k}.csv', '\n'.join(rows) + '\n', person_name=n, persons=len(distinct), birth_date=0, my_number=0)

    for k in range(3):
        n = rng.randint(4, 9)
        lines = [f'健康診断結果通知 {fake.company()} 健診センター TEL {fake.phone_number()}', '']
        for i in range(n):
            lines += [f'受診者: {spaced_name(fake, " ")}', f'生年月日: {birth(fake, "kanji")}', f'受診日: {recent(fake, "kanji")}',
                      f'身長 {rng.randint(150, 185)}cm 体重 {rng.randint(45, 90)}kg 血圧 {rng.randint(100, 140)}/{rng.randint(60, 90)}', '']
        write(f'health-{k}.txt', '\n'.join(lines), person_name=n, birth_date=n, persons=n, my_number=0)

    for k in range(3):
        text = (f'給与明細書 {fake.date_this_year().year}年{rng.randint(1, 12)}月分\n{fake.company()}\n'
                f'氏名 {spaced_name(fake, rng.choice([" ", ""]))} 様\n社員番号 {rng.randint(10000, 99999)}\n'
                f'基本給 {rng.randint(200, 500)},000円\n総支給額 {rng.randint(250, 600)},000円\n')
        write(f'payslip-{k}.txt', text, person_name=1, persons=1, my_number=0, birth_date=0)

    for k in range(3):
        mn = my_number(rng)
        text = (f'{fake.company()}\n人事部\n\n{spaced_name(fake, " ")} 様\n\n拝啓 時下ますますご清祥のこととお喜び申し上げます。\n'
                f'年末調整のため、ご提出いただいた個人番号を確認しました。\n個人番号: {mn[0:4]} {mn[4:8]} {mn[8:12]}\n敬具\n')
        write(f'letter-{k}.txt', text, my_number=1, persons=1, birth_date=0)

    for k in range(3):
        text = (f'扶養控除等申告書\n提出日 {recent(fake, "kanji")}\n記入日：{recent(fake)}\n氏名: {spaced_name(fake, " ")}\n'
                f'生年月日: {birth(fake, "kanji")}\n住所: {fake.address()}\n')
        write(f'form-{k}.txt', text, birth_date=1, person_name=1, persons=1, my_number=0)

    for k in range(3):
        consts = '\n'.join(f'PRODUCT_CODE_{chr(65 + i)} = {my_number(rng)}' for i in range(6))
        text = f'"""Product catalogue.\n\nThese codes are not 個人番号 (My Number).\n"""\nimport enum\n\n{consts}\n\n\ndef lookup(code: int) -> str:\n    return str(code)\n'
        write(f'catalogue_{k}.py', text, my_number=0, persons=0, birth_date=0, person_name=0)

    with open(os.path.join(out, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return truth


def score(out, truth, kumoscan):
    files = [os.path.join(out, n) for n in sorted(truth)]
    res = subprocess.run(['node', kumoscan, 'classify', *files, '--format', 'json'], capture_output=True, text=True, check=False)
    report = json.loads(res.stdout)
    by = {os.path.basename(f['path']): f for f in report['files']}
    stats = {t: [0, 0, 0] for t in ['my_number', 'birth_date', 'person_name']}
    persons_ok = 0
    rows = []
    for name, exp in sorted(truth.items()):
        f = by[name]
        high = {t: sum(d['count'] for d in f['detections'] if d['type'] == t and d['confidence'] == 'high') for t in stats}
        for t, s in stats.items():
            if t not in exp:
                continue
            e = exp[t]
            s[0] += min(e, high[t])
            s[1] += max(0, high[t] - e)
            s[2] += max(0, e - high[t])
        ok = f['persons']['distinct'] == exp.get('persons', 0)
        persons_ok += ok
        rows.append(f"{name:26} persons {f['persons']['distinct']:3} / {exp.get('persons', 0):3}  " + ' '.join(f'{t} {high[t]}/{exp.get(t, "-")}' for t in stats))
    print('\n'.join(rows))
    for t, (tp, fp, fn) in stats.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f'{t:12} precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})')
    print(f'persons right in {persons_ok} of {len(truth)} files')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kumoscan', default='bin/kumoscan.js')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--out', default='bench/out/precision')
    a = ap.parse_args()
    truth = generate(a.out, a.seed)
    score(a.out, truth, a.kumoscan)


if __name__ == '__main__':
    sys.exit(main())
