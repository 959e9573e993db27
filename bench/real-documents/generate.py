#!/usr/bin/env python3
"""Writes the real-documents bench corpus: files made by third-party writers (faker ja_JP values; openpyxl,
python-docx, reportlab, fpdf2, Pillow with CJK fonts from Debian, LibreOffice headless for office → PDF) and a
ground-truth manifest (manifest.json) that bench/real-documents.ts compares kumoscan's classification with.

Usage (in the venv made by setup.sh):
    bench/.venv-corpus/bin/python bench/real-documents/generate.py OUT_DIR [--seed 1] [--scale 1.0]

Deterministic for a seed (LibreOffice's PDF metadata, such as its creation time, aside). Every value is
synthetic. The manifest holds, per file, its kind, how it was written and, per detector, the exact values
a reader finds in it (one entry per occurrence), the values that may be found without being required
(`optional`), the decoys that must NOT be found as that type, and the number of persons ([low, high]).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import email.encoders
import email.header
import email.mime.base
import email.mime.multipart
import email.mime.text
import email.utils
import gzip
import importlib.metadata
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

DETECTORS = ("my_number", "credit_card", "person_name", "birth_date", "phone", "email", "postal_address",
             "bank_account", "drivers_license", "residence_card")

# ---------------------------------------------------------------------------------------------------------
# Fonts (Debian packages fonts-ipaexfont, fonts-ipafont-gothic, fonts-noto-cjk)

FONT_CANDIDATES = {
    "gothic": ["/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"],
    "mincho": ["/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", "/usr/share/fonts/truetype/fonts-japanese-mincho.ttf"],
    "ipag": ["/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"],
    "noto": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
}


def font_path(name: str) -> str:
    for p in FONT_CANDIDATES[name]:
        if os.path.exists(p):
            return p
    sys.exit(f"font {name} not found ({', '.join(FONT_CANDIDATES[name])}): run bench/real-documents/setup.sh")


_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def pil_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    key = (name, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(font_path(name), size)  # index 0 of Noto CJK's collection is JP
    return _FONTS[key]


# ---------------------------------------------------------------------------------------------------------
# Values with check digits (algorithms as published: My Number Act ordinance, corporate number, Luhn, licence)

def my_number_check(first11: str) -> int:
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def corporate_number(rng: random.Random) -> str:
    body = "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = sum(int(body[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return f"{9 - total % 9}{body}"


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


TEST_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "378282246310005", "3530111333300000",
              "4012888888881881", "5105105105105100"]

LICENCE_COMMISSIONS = [10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 30, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
                       51, 52, 53, 54, 55, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 80, 81, 82, 83, 90, 91, 92,
                       93, 94, 95, 96, 97]


def licence_number(rng: random.Random, birth: dt.date) -> str:
    first = min(2023, birth.year + rng.randint(18, 30))
    body = f"{rng.choice(LICENCE_COMMISSIONS)}{first % 100:02d}{rng.randint(0, 999999):06d}"
    weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    check = (11 - sum(int(c) * w for c, w in zip(body, weights)) % 11) % 10
    return f"{body}{check}{rng.choice([0, 0, 0, 1])}"


# ---------------------------------------------------------------------------------------------------------
# Dates

ERAS = [(dt.date(2019, 5, 1), "令和", "R"), (dt.date(1989, 1, 8), "平成", "H"), (dt.date(1926, 12, 25), "昭和", "S")]


def wareki(d: dt.date, pad: bool = False) -> str:
    for start, name, _ in ERAS:
        if d >= start:
            y = d.year - start.year + 1
            if pad:
                return f"{name}{y:02d}年{d.month:02d}月{d.day:02d}日"
            return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    return d.isoformat()


def fmt_date(d: dt.date, style: str) -> str:
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == "kanji":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "wareki":
        return wareki(d)
    if style == "wareki_pad":
        return wareki(d, pad=True)
    raise ValueError(style)


def spaced(n: str) -> str:
    return " ".join(n[i:i + 4] for i in range(0, len(n), 4))


# ---------------------------------------------------------------------------------------------------------
# Persons

# faker ja_JP also writes numbers no Japanese line has (36-0837-7835, 00-1878-5150): only these shapes are kept.
PHONE_SHAPE = re.compile(r"^(?:0[789]0-[0-9]{4}-[0-9]{4}|0[1-9]-[0-9]{4}-[0-9]{4}|0[1-9][0-9]-[0-9]{3}-[0-9]{4}|0[1-9][0-9]{2}-[0-9]{2}-[0-9]{4})$")

BANKS = ["みずほ銀行", "三井住友銀行", "りそな銀行", "横浜銀行", "千葉銀行", "静岡銀行", "京都銀行", "福岡銀行",
         "北海道銀行", "城南信用金庫", "ゆうちょ銀行", "常陽銀行"]
BRANCH_SUFFIX = ["支店", "支店", "営業部", "出張所"]
DEPARTMENTS = ["総務部", "人事部", "経理部", "営業部", "開発部", "製造部", "品質保証部", "情報システム部"]


@dataclass
class Person:
    pid: int
    last: str
    first: str
    last_kana: str
    first_kana: str
    last_roman: str
    first_roman: str
    sex: str
    birth: dt.date
    postal: str
    prefecture: str
    address: str
    phone: str
    email: str
    my_number: str
    bank: str
    branch: str
    branch_no: str
    account: str
    licence: str | None
    card: str
    employee_no: str
    hired: dt.date
    department: str

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"

    @property
    def kana(self) -> str:
        return f"{self.last_kana} {self.first_kana}"

    @property
    def roman(self) -> str:
        return f"{self.last_roman.upper()} {self.first_roman.upper()}"


class People:
    def __init__(self, fake: Faker, rng: random.Random):
        self.fake = fake
        self.rng = rng
        self.used: set[str] = set()
        self.all: list[Person] = []

    def unique(self, make) -> str:
        while True:
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v

    def date(self, first_year: int, last_year: int) -> dt.date:
        return dt.date(self.rng.randint(first_year, last_year), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def phone(self) -> str:
        while True:
            p = self.fake.phone_number()
            digits = p.replace("-", "")
            if PHONE_SHAPE.match(p) and p not in self.used:
                self.used.add(p)
                return p

    def my_number(self) -> str:
        def make() -> str:
            body = "".join(str(self.rng.randint(0, 9)) for _ in range(11))
            return body + str(my_number_check(body))
        return self.unique(make)

    def card(self) -> str:
        brand = self.rng.choice([("4", 16), ("4", 16), ("5", 16), ("35", 16), ("37", 15), ("36", 14)])
        prefix = brand[0]
        if prefix == "5":
            prefix = str(self.rng.randint(51, 55))
        elif prefix == "35":
            prefix = str(self.rng.randint(3528, 3589))
        return self.unique(lambda: luhn_complete(prefix, brand[1], self.rng))

    def new(self, surname: tuple[str, str, str] | None = None, birth: dt.date | None = None, home: Person | None = None) -> Person:
        f, r = self.fake, self.rng
        last, last_kana, last_roman = surname or f.last_name_pair()
        sex = r.choice(["男", "女"])
        first, first_kana, first_roman = f.first_name_male_pair() if sex == "男" else f.first_name_female_pair()
        birth = birth or self.date(1960, 2002)
        if home is not None:
            postal, pref, address = home.postal, home.prefecture, home.address
        else:
            postal = f.zipcode()
            pref = f.prefecture()
            address = f"{pref}{f.city()}{f.town()}{f.chome()}{f.ban()}{f.gou()}"
            if r.random() < 0.3:
                address += f" {f.building_name()}{r.randint(1, 12)}{r.randint(1, 9):02d}"
        hired_year = min(2024, birth.year + r.randint(22, 40))
        p = Person(
            pid=len(self.all), last=last, first=first, last_kana=last_kana, first_kana=first_kana,
            last_roman=last_roman, first_roman=first_roman, sex=sex, birth=birth, postal=postal, prefecture=pref,
            address=address, phone=self.phone(),
            email=self.unique(lambda: f"{first_roman.lower()}.{last_roman.lower()}{r.randint(1, 999)}@{r.choice(['example.co.jp', 'example.jp', 'example.ne.jp', 'example.com'])}"),
            my_number=self.my_number(), bank=r.choice(BANKS),
            branch=f"{f.city().rstrip('市区町村郡')}{r.choice(BRANCH_SUFFIX)}", branch_no=f"{r.randint(1, 899):03d}",
            account=self.unique(lambda: f"{r.randint(1000000, 9999999)}"),
            licence=licence_number(r, birth) if r.random() < 0.7 else None, card=self.card(),
            employee_no=self.unique(lambda: f"{r.randint(10000, 99999)}"),
            hired=dt.date(hired_year, r.choice([4, 4, 4, 10, 1, 7]), 1), department=r.choice(DEPARTMENTS),
        )
        self.all.append(p)
        return p


# ---------------------------------------------------------------------------------------------------------
# Ground truth

@dataclass
class Truth:
    values: dict[str, list[str]] = field(default_factory=dict)
    optional: dict[str, list[str]] = field(default_factory=dict)
    decoys: list[dict[str, str]] = field(default_factory=list)
    persons: set[int] = field(default_factory=set)
    persons_optional: set[int] = field(default_factory=set)
    images: int = 0
    classes: set[str] = field(default_factory=set)

    def add(self, det: str, *vals: str) -> None:
        self.values.setdefault(det, []).extend(vals)

    def opt(self, det: str, *vals: str) -> None:
        self.optional.setdefault(det, []).extend(vals)

    def decoy(self, det: str, value: str, what: str) -> None:
        self.decoys.append({"type": det, "value": value, "what": what})

    def merge(self, other: "Truth") -> None:
        for k, v in other.values.items():
            self.add(k, *v)
        for k, v in other.optional.items():
            self.opt(k, *v)
        self.decoys.extend(other.decoys)
        self.persons |= other.persons
        self.persons_optional |= other.persons_optional
        self.images += other.images
        self.classes |= other.classes

    def person_row(self, p: Person, *, name=True, kana=False, roman=False, birth=True, postal=False, address=False,
                   phone=False, email=False, my_number=False, bank=False, licence=False, card=False,
                   person=True) -> None:
        if name:
            self.add("person_name", p.name)
        if kana:
            self.add("person_name", p.kana)
        if roman:
            self.add("person_name", p.roman)
        if birth:
            self.add("birth_date", p.birth.isoformat())
        if postal:
            self.add("postal_address", "〒" + p.postal)
        if address:
            self.add("postal_address", p.address)
        if phone:
            self.add("phone", p.phone)
        if email:
            self.add("email", p.email)
        if my_number:
            self.add("my_number", p.my_number)
        if bank:
            self.add("bank_account", p.account)
        if licence and p.licence:
            self.add("drivers_license", p.licence)
        if card:
            self.add("credit_card", p.card)
        if person:
            self.persons.add(p.pid)


@dataclass
class Entry:
    path: str
    kind: str
    writer: str
    truth: Truth

    def to_json(self) -> dict:
        t = self.truth
        lo = len(t.persons)
        return {
            "path": self.path, "kind": self.kind, "writer": self.writer,
            "expected": {d: t.values.get(d, []) for d in DETECTORS if t.values.get(d)},
            "optional": {d: v for d, v in t.optional.items() if v},
            "decoys": t.decoys,
            "persons": [lo, lo + len(t.persons_optional - t.persons)],
            "personIds": sorted(t.persons),
            "images": t.images,
            "classes": sorted(t.classes),
        }


# ---------------------------------------------------------------------------------------------------------
# The corpus

class Corpus:
    def __init__(self, out: Path, seed: int, scale: float):
        self.out = out
        self.rng = random.Random(seed)
        self.fake = Faker("ja_JP")
        self.fake.seed_instance(seed)
        self.people = People(self.fake, self.rng)
        self.entries: list[Entry] = []
        self.scale = scale
        self.work = Path(tempfile.mkdtemp(prefix="kumoscan-corpus-"))
        self.to_convert: list[tuple[Path, str, Truth, str]] = []  # (source, target rel path, truth, kind)

    def n(self, count: int) -> int:
        return max(1, round(count * self.scale))

    def hexname(self, length: int = 12) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(length))

    def path(self, rel: str) -> Path:
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def record(self, rel: str, kind: str, writer: str, truth: Truth) -> None:
        self.entries.append(Entry(rel, kind, writer, truth))

    def staff(self, count: int) -> list[Person]:
        return [self.people.new() for _ in range(count)]

    # -- employee masters ------------------------------------------------------------------------------------

    HEADER_VARIANTS = [
        {"no": "社員番号", "name": "氏名", "kana": "フリガナ", "sex": "性別", "birth": "生年月日", "postal": "郵便番号",
         "address": "住所", "phone": "電話番号", "email": "メールアドレス", "mn": "個人番号", "hired": "入社日",
         "bank": "銀行名", "branch": "支店名", "type": "口座種別", "account": "口座番号", "licence": "運転免許証番号"},
        {"no": "従業員No", "name": "社員氏名", "kana": "氏名カナ", "sex": "性別", "birth": "誕生日", "postal": "〒",
         "address": "現住所", "phone": "携帯電話", "email": "E-mail", "mn": "マイナンバー", "hired": "入社年月日",
         "bank": "振込銀行", "branch": "振込支店", "type": "預金種目", "account": "振込口座番号", "licence": "免許証番号"},
        {"no": "社員コード", "name": "名前", "kana": "ﾌﾘｶﾞﾅ", "sex": "性別", "birth": "生年月日", "postal": "郵便番号",
         "address": "住所1", "phone": "TEL", "email": "メール", "mn": "個人番号(マイナンバー)", "hired": "入社日",
         "bank": "金融機関名", "branch": "支店", "type": "種別", "account": "口座番号", "licence": "運転免許証"},
    ]

    def employee_rows(self, staff: list[Person], variant: dict, date_style: str, mn_style: str, with_licence: bool):
        cols = ["no", "name", "kana", "sex", "birth", "postal", "address", "phone", "email", "mn", "hired", "bank",
                "branch", "type", "account"] + (["licence"] if with_licence else [])
        header = [variant[c] for c in cols]
        rows = []
        truth = Truth()
        for p in staff:
            vals = {
                "no": p.employee_no, "name": p.name, "kana": p.kana, "sex": p.sex, "birth": fmt_date(p.birth, date_style),
                "postal": p.postal, "address": p.address, "phone": p.phone, "email": p.email,
                "mn": spaced(p.my_number) if mn_style == "spaced" else p.my_number,
                "hired": fmt_date(p.hired, date_style), "bank": p.bank, "branch": p.branch, "type": "普通",
                "account": p.account, "licence": p.licence or "",
            }
            rows.append([vals[c] for c in cols])
            truth.person_row(p, kana=True, postal=True, address=True, phone=True, email=True, my_number=True,
                             bank=True, licence=with_licence)
            truth.decoy("birth_date", p.hired.isoformat(), "hire date")
        truth.classes.add("specific_personal_information")
        return header, rows, truth

    def employee_csv(self, encoding: str, index: int) -> None:
        staff = self.staff(self.rng.randint(12, 30))
        variant = self.HEADER_VARIANTS[index % len(self.HEADER_VARIANTS)]
        header, rows, truth = self.employee_rows(staff, variant, self.rng.choice(["iso", "slash", "kanji", "wareki"]),
                                                 self.rng.choice(["plain", "plain", "spaced"]), self.rng.random() < 0.5)
        if encoding == "utf-8":
            rel = self.rng.choice([f"hr/exports/社員名簿_{2024 - index}04.csv", f"hr/exports/employees_{index:02d}.csv",
                                   f"uploads/{self.hexname()}/{self.hexname(8)}.csv"])
            enc, newline, kind = ("utf-8-sig" if index % 2 else "utf-8"), "\n", "employee_master_csv_utf8"
        else:
            rel = f"hr/kyuyo/社員マスタ_{index:02d}.csv"
            enc, newline, kind = "cp932", "\r\n", "employee_master_csv_sjis"
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=newline, quoting=self.rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        w.writerow(header)
        w.writerows(rows)
        self.path(rel).write_bytes(buf.getvalue().encode(enc))
        self.record(rel, kind, f"python csv ({enc})", truth)

    def employee_csv_gzip(self, index: int) -> None:
        staff = self.staff(self.rng.randint(12, 30))
        header, rows, truth = self.employee_rows(staff, self.HEADER_VARIANTS[index % 3], "slash", "plain", False)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([header] + rows)
        rel = f"backup/db/employees_{index:02d}.csv.gz"
        self.path(rel).write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), mtime=0))
        self.record(rel, "employee_master_csv_gzip", "python csv + gzip", truth)

    def employee_xlsx(self, index: int, to_pdf: bool) -> None:
        import openpyxl
        from openpyxl.styles import Font
        staff = self.staff(self.rng.randint(10, 30) if not to_pdf else self.rng.randint(20, 30))
        variant = self.HEADER_VARIANTS[(index + 1) % len(self.HEADER_VARIANTS)]
        date_style = self.rng.choice(["iso", "slash", "wareki", "excel"])
        header, rows, truth = self.employee_rows(staff, variant, "iso" if date_style == "excel" else date_style,
                                                 "plain", self.rng.random() < 0.5)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "社員名簿"
        ws["A1"] = "社員名簿"
        ws["A1"].font = Font(bold=True, size=14)
        as_of = dt.date(2024, self.rng.choice([1, 4, 10]), 1)
        ws["D1"] = f"{as_of.year}年{as_of.month}月{as_of.day}日現在"
        truth.decoy("birth_date", as_of.isoformat(), "as-of date in the title")
        ws.append([])
        ws.append(header)
        birth_col = header.index(variant["birth"])
        hired_col = header.index(variant["hired"])
        mn_col = header.index(variant["mn"])
        for p, row in zip(staff, rows):
            cells = list(row)
            if date_style == "excel":
                cells[birth_col] = p.birth
                cells[hired_col] = p.hired
            if index % 2 == 1:
                cells[mn_col] = int(p.my_number) if not p.my_number.startswith("0") else p.my_number
            ws.append(cells)
        for col_cells in ws.iter_cols(min_row=3):
            letter = col_cells[0].column_letter
            width = max(len(str(c.value or "")) for c in col_cells) * 1.9 + 2
            ws.column_dimensions[letter].width = min(72, width)  # no cell text clipped in the print
            for c in col_cells[1:]:
                if isinstance(c.value, dt.date):
                    c.number_format = "yyyy/mm/dd"
                elif isinstance(c.value, int):
                    c.number_format = "0"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A3
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if to_pdf:
            src = self.work / f"employees_{index:02d}.xlsx"
            wb.save(src)
            self.to_convert.append((src, f"hr/print/社員名簿_{index:02d}.pdf", truth, "employee_master_xlsx_libreoffice_pdf"))
        else:
            rel = self.rng.choice([f"hr/master/employees_{index:02d}.xlsx", f"uploads/{self.hexname()}/{self.hexname(8)}.xlsx"])
            wb.save(self.path(rel))
            self.record(rel, "employee_master_xlsx", f"openpyxl {importlib.metadata.version('openpyxl')}", truth)

    # -- year-end adjustment form (扶養控除等申告書) -------------------------------------------------------------

    def year_end_family(self) -> tuple[Person, list[tuple[str, Person]]]:
        emp = self.people.new(birth=self.people.date(1964, 1989))
        surname = (emp.last, emp.last_kana, emp.last_roman)
        spouse = self.people.new(surname=surname, home=emp, birth=emp.birth + dt.timedelta(days=self.rng.randint(-2000, 2000)))
        child_birth = dt.date(max(emp.birth.year + 25, 2004), self.rng.randint(1, 12), self.rng.randint(1, 28))
        child = self.people.new(surname=surname, home=emp, birth=child_birth)
        return emp, [("配偶者", spouse), ("子", child)]

    def year_end_docx(self, index: int, to_pdf: bool, scanned: bool = False) -> None:
        from docx import Document
        from docx.shared import Pt
        emp, family = self.year_end_family()
        company = self.fake.company()
        corp = corporate_number(self.rng)
        submitted = dt.date(2024, self.rng.choice([1, 11, 12]), self.rng.randint(1, 28))
        truth = Truth()
        truth.classes.add("specific_personal_information")
        doc = Document()
        style = doc.styles["Normal"]
        style.font.name = "IPAexGothic"
        style.font.size = Pt(10)
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        if rfonts is not None:
            rfonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "IPAexGothic")
        doc.add_heading("令和6年分 給与所得者の扶養控除等（異動）申告書", level=1)
        doc.add_paragraph(f"提出日　{fmt_date(submitted, self.rng.choice(['wareki', 'kanji']))}")
        truth.decoy("birth_date", submitted.isoformat(), "提出日")
        head = doc.add_table(rows=2, cols=4)
        head.style = "Table Grid"
        cells = [("給与の支払者の名称", company), ("給与の支払者の法人番号", corp),
                 ("所轄税務署長", f"{self.fake.city().rstrip('市区町村')}税務署長"), ("所属", emp.department)]
        for i, (k, v) in enumerate(cells):
            head.cell(i // 2, (i % 2) * 2).text = k
            head.cell(i // 2, (i % 2) * 2 + 1).text = v
        truth.decoy("my_number", corp, "corporate number (法人番号)")
        doc.add_paragraph("")
        t = doc.add_table(rows=6, cols=2)
        t.style = "Table Grid"
        birth_style = self.rng.choice(["wareki", "kanji", "slash"])
        rows = [("あなたの氏名", emp.name), ("フリガナ", emp.kana), ("あなたの個人番号", spaced(emp.my_number)),
                ("あなたの生年月日", fmt_date(emp.birth, birth_style)), ("あなたの住所", f"〒{emp.postal}　{emp.address}"),
                ("電話番号", emp.phone)]
        for i, (k, v) in enumerate(rows):
            t.cell(i, 0).text = k
            t.cell(i, 1).text = v
        truth.person_row(emp, kana=True, postal=True, address=True, phone=True, my_number=True)
        doc.add_paragraph("")
        doc.add_paragraph("控除対象配偶者・扶養親族")
        ft = doc.add_table(rows=1 + len(family), cols=6)
        ft.style = "Table Grid"
        for j, h in enumerate(["区分", "氏名", "フリガナ", "個人番号", "続柄", "生年月日"]):
            ft.cell(0, j).text = h
        for i, (rel, p) in enumerate(family, start=1):
            for j, v in enumerate(["控除対象配偶者" if rel == "配偶者" else "控除対象扶養親族", p.name, p.kana,
                                   spaced(p.my_number), rel, fmt_date(p.birth, birth_style)]):
                ft.cell(i, j).text = v
            truth.person_row(p, kana=True, my_number=True)
        doc.add_paragraph("上記のとおり申告します。住所は同上。")
        if scanned:
            src = self.work / f"year_end_scan_{index:02d}.docx"
            doc.save(src)
            self.to_convert.append((src, f"uploads/{self.hexname()}/{self.hexname(8)}.pdf", truth, "year_end_form_scanned_pdf"))
            return
        if to_pdf:
            src = self.work / f"year_end_{index:02d}.docx"
            doc.save(src)
            self.to_convert.append((src, f"hr/nencho/扶養控除申告書_{index:02d}.pdf", truth, "year_end_form_libreoffice_pdf"))
        else:
            rel = self.rng.choice([f"hr/nencho/扶養控除申告書_{emp.employee_no}.docx", f"uploads/{self.hexname()}/{self.hexname(8)}.docx"])
            doc.save(self.path(rel))
            self.record(rel, "year_end_form_docx", f"python-docx {importlib.metadata.version('python-docx')}", truth)

    # -- payslips (reportlab) --------------------------------------------------------------------------------

    def payslip_pdf(self, index: int) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
        if "IPAexGothic" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("IPAexGothic", font_path("gothic")))
        p = self.people.new()
        truth = Truth()
        month = self.rng.randint(1, 12)
        paid = dt.date(2024, month, 25)
        rel = self.rng.choice([f"payroll/2024{month:02d}/{p.employee_no}.pdf", f"uploads/{self.hexname()}/{self.hexname(8)}.pdf"])
        c = canvas.Canvas(str(self.path(rel)), pagesize=A4, invariant=1)
        c.setTitle("給与明細書")
        w, h = A4
        c.setFont("IPAexGothic", 16)
        c.drawString(60, h - 70, f"給与明細書　2024年{month}月分")
        c.setFont("IPAexGothic", 10)
        c.drawString(380, h - 70, f"支給日 {fmt_date(paid, 'kanji')}")
        truth.decoy("birth_date", paid.isoformat(), "支給日")
        c.drawString(60, h - 100, f"社員番号 {p.employee_no}")
        c.drawString(60, h - 118, f"所属 {p.department}")
        c.setFont("IPAexGothic", 12)
        c.drawString(250, h - 110, f"氏名　{p.name}　様")
        truth.person_row(p, birth=False)
        base = self.rng.randint(22, 48) * 10000
        items = [("基本給", base), ("役職手当", self.rng.choice([0, 10000, 30000])), ("通勤手当", self.rng.randint(5, 25) * 1000),
                 ("時間外手当", self.rng.randint(0, 60) * 1000)]
        deductions = [("健康保険", round(base * 0.05)), ("厚生年金", round(base * 0.0915)), ("雇用保険", round(base * 0.006)),
                      ("所得税", round(base * 0.03)), ("住民税", self.rng.randint(8, 30) * 1000)]
        c.setFont("IPAexGothic", 10)
        y = h - 160
        c.drawString(60, y, "支給")
        c.drawString(300, y, "控除")
        for i in range(max(len(items), len(deductions))):
            y -= 18
            if i < len(items):
                c.drawString(60, y, items[i][0])
                c.drawRightString(220, y, f"{items[i][1]:,}")
            if i < len(deductions):
                c.drawString(300, y, deductions[i][0])
                c.drawRightString(460, y, f"{deductions[i][1]:,}")
        total = sum(v for _, v in items) - sum(v for _, v in deductions)
        y -= 30
        c.drawString(60, y, "差引支給額")
        c.drawRightString(220, y, f"{total:,}")
        y -= 30
        c.drawString(60, y, "振込先")
        c.drawString(120, y, f"{p.bank}　{p.branch}　普通　口座番号 {p.account}")
        truth.add("bank_account", p.account)
        c.rect(50, y - 10, 460, h - 140 - y + 10)
        c.showPage()
        c.save()
        self.record(rel, "payslip_pdf", f"reportlab {importlib.metadata.version('reportlab')}", truth)

    # -- health-check results (fpdf2) ------------------------------------------------------------------------

    def health_check_pdf(self, index: int) -> None:
        from fpdf import FPDF
        staff = self.staff(6)
        truth = Truth()
        truth.classes.add("sensitive")
        pdf = FPDF(format="A4")
        pdf.set_creation_date(dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc))
        pdf.add_font("gothic", fname=font_path("gothic"))
        pdf.add_font("gothic", style="B", fname=font_path("gothic"))  # table headings
        exam = dt.date(2024, self.rng.randint(4, 9), self.rng.randint(1, 28))
        results = ["A 異常なし", "B 軽度異常", "C 要経過観察", "D 要精密検査", "E 要治療"]
        findings = ["特記事項なし", "高血圧", "脂質異常症", "肝機能障害", "高血糖", "貧血", "心電図異常"]
        per_page = index % 2 == 0
        if not per_page:
            pdf.add_page(orientation="L")
            pdf.set_font("gothic", size=14)
            pdf.cell(0, 10, f"定期健康診断 結果一覧（受診日 {fmt_date(exam, 'kanji')}）", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("gothic", size=9)
            with pdf.table(col_widths=(18, 30, 32, 28, 10, 16, 16, 22, 30, 40)) as table:
                table.row(["社員番号", "受診者氏名", "フリガナ", "生年月日", "性別", "身長", "体重", "血圧", "総合判定", "所見"])
                for p in staff:
                    table.row([p.employee_no, p.name, p.kana, fmt_date(p.birth, "slash"), p.sex,
                               f"{self.rng.randint(150, 185)}.{self.rng.randint(0, 9)}", f"{self.rng.randint(45, 95)}.{self.rng.randint(0, 9)}",
                               f"{self.rng.randint(100, 170)}/{self.rng.randint(60, 105)}", self.rng.choice(results), self.rng.choice(findings)])
                    truth.person_row(p, kana=True)
        else:
            for p in staff:
                pdf.add_page()
                pdf.set_font("gothic", size=16)
                pdf.cell(0, 12, "健康診断結果通知書", new_x="LMARGIN", new_y="NEXT", align="C")
                pdf.set_font("gothic", size=11)
                for k, v in [("受診者", f"{p.name}（{p.kana}）"), ("生年月日", fmt_date(p.birth, "wareki")), ("性別", p.sex),
                             ("所属", p.department), ("受診日", fmt_date(exam, "wareki"))]:
                    pdf.cell(40, 9, k, border=1)
                    pdf.cell(120, 9, v, border=1, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
                for k, v in [("身長", f"{self.rng.randint(150, 185)} cm"), ("体重", f"{self.rng.randint(45, 95)} kg"),
                             ("血圧", f"{self.rng.randint(100, 170)}/{self.rng.randint(60, 105)} mmHg"), ("HbA1c", f"{self.rng.randint(48, 75) / 10} %"),
                             ("総合判定", self.rng.choice(results)), ("医師の所見", self.rng.choice(findings))]:
                    pdf.cell(40, 9, k, border=1)
                    pdf.cell(120, 9, v, border=1, new_x="LMARGIN", new_y="NEXT")
                truth.person_row(p, kana=True)
                truth.decoy("birth_date", exam.isoformat(), "受診日")  # on every sheet
        if not per_page:
            truth.decoy("birth_date", exam.isoformat(), "受診日")
        rel = self.rng.choice([f"hr/health/健診結果_{2024}_{index:02d}.pdf", f"uploads/{self.hexname()}/{self.hexname(8)}.pdf"])
        pdf.output(str(self.path(rel)))
        import fpdf as fpdf_module
        self.record(rel, "health_check_pdf", f"fpdf2 {fpdf_module.__version__}", truth)

    # -- order export with decoys ----------------------------------------------------------------------------

    def order_csv(self, index: int) -> None:
        customers = self.staff(self.rng.randint(10, 20))
        truth = Truth()
        truth.classes.add("financial")
        header = ["注文番号", "注文日", "購入者氏名", "購入者カナ", "メールアドレス", "電話番号", "郵便番号", "配送先住所",
                  "支払方法", "カード番号", "商品コード", "数量", "金額", "請求先法人番号", "備考"]
        rows = []
        for i in range(self.rng.randint(15, 30)):
            p = self.rng.choice(customers)
            order_body = f"{2024}{self.rng.randint(0, 9999999):07d}"
            order_no = order_body + str(my_number_check(order_body))  # 12 digits, valid My Number check digit
            ordered = dt.date(2024, self.rng.randint(1, 12), self.rng.randint(1, 28))
            pay = self.rng.choice(["クレジットカード", "クレジットカード", "代金引換", "銀行振込"])
            test = pay == "クレジットカード" and self.rng.random() < 0.12
            card = ""
            note = ""
            if pay == "クレジットカード":
                card = self.rng.choice(TEST_CARDS) if test else p.card
                if test:
                    note = "テスト注文"
                    truth.decoy("credit_card", card, "test card number")
                else:
                    truth.add("credit_card", card)
            corp = corporate_number(self.rng) if self.rng.random() < 0.2 else ""
            if corp:
                truth.decoy("my_number", corp, "corporate number")
            jan = "49" + "".join(str(self.rng.randint(0, 9)) for _ in range(11))
            rows.append([order_no, fmt_date(ordered, "slash"), p.name, p.kana, p.email, p.phone, p.postal, p.address, pay,
                         card, jan, self.rng.randint(1, 5), self.rng.randint(5, 300) * 100, corp, note])
            truth.decoy("my_number", order_no, "order number with a valid My Number check digit")
            truth.decoy("birth_date", ordered.isoformat(), "order date")
            truth.person_row(p, kana=True, birth=False, postal=True, address=True, phone=True, email=True)
        rel = self.rng.choice([f"shop/exports/orders_2024_{index:02d}.csv", f"uploads/{self.hexname()}/{self.hexname(8)}.csv"])
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows([header] + rows)
        self.path(rel).write_bytes(buf.getvalue().encode("utf-8"))
        self.record(rel, "order_export_csv_decoys", "python csv (utf-8)", truth)

    # -- source code with decoys -----------------------------------------------------------------------------

    def source_code(self, index: int) -> None:
        truth = Truth()
        codes = []
        for _ in range(6):
            body = "".join(str(self.rng.randint(0, 9)) for _ in range(11))
            codes.append(body + str(my_number_check(body)))
        cards = self.rng.sample(TEST_CARDS, 2)
        corp = corporate_number(self.rng)
        if index % 2 == 0:
            rel = f"src/app/catalog_{index}.py"
            lines = ['"""商品カタログと個人番号（マイナンバー）の入力チェック。',
                     "",
                     "個人番号は12桁で、最後の1桁はチェックデジット。ここでは商品コードにも同じ検査方式を使う。",
                     '"""', "", "PRODUCT_CODES = {"]
            lines += [f'    "SKU-{i:03d}": "{c}",' for i, c in enumerate(codes)]
            lines += ["}", "", f'TEST_CARD_NUMBERS = ["{cards[0]}", "{cards[1]}"]  # 決済テスト用', "",
                      f'VENDOR_CORPORATE_NUMBER = "{corp}"  # 仕入先の法人番号', "", "",
                      "def is_valid_my_number(value: str) -> bool:",
                      '    """個人番号のチェックデジットを検証する。"""',
                      "    digits = [int(c) for c in value]",
                      "    total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(digits[:11]), start=1))",
                      "    r = total % 11",
                      "    return digits[11] == (0 if r <= 1 else 11 - r)", ""]
        else:
            rel = f"src/web/fixtures_{index}.ts"
            lines = ["/**", " * 個人番号（マイナンバー）入力フォームのテスト用データ。", " * 商品コードは12桁でチェックデジット付き。", " */",
                     "export const productCodes: readonly string[] = ["]
            lines += [f"  '{c}'," for c in codes]
            lines += ["];", "", f"export const testCards = ['{cards[0]}', '{cards[1]}'];", "",
                      f"export const vendorCorporateNumber = '{corp}'; // 法人番号", ""]
        for c in codes:
            truth.decoy("my_number", c, "product code with a valid check digit near 個人番号")
        for c in cards:
            truth.decoy("credit_card", c, "test card number")
        truth.decoy("my_number", corp, "corporate number")
        self.path(rel).write_text("\n".join(lines), encoding="utf-8")
        self.record(rel, "source_code_decoys", "text (python/typescript)", truth)

    # -- card photos (Pillow) --------------------------------------------------------------------------------

    def card_image(self, kind: str, p: Person, truth: Truth) -> Image.Image:
        r = self.rng
        W, H = 1012, 638
        face = {"my_number_front": (236, 242, 248), "my_number_back": (240, 244, 250), "drivers_license": (226, 238, 226),
                "health_insurance": (250, 250, 244), "cash_card": (214, 228, 246), "resident_record": (252, 252, 250),
                "notification_card": (246, 236, 240), "residence_card": (232, 240, 236), "health_check_sheet": (252, 252, 252)}[kind]
        if kind in ("resident_record", "health_check_sheet"):
            W, H = 1240, 1754  # an A4 sheet
        img = Image.new("RGB", (W, H), face)
        d = ImageDraw.Draw(img)
        font = "mincho" if kind == "resident_record" else r.choice(["gothic", "noto", "ipag"])
        ink = (25, 25, 30)

        def text(x: int, y: int, s: str, size: int = 34, f: str | None = None) -> None:
            d.text((x, y), s, font=pil_font(f or font, size), fill=ink)

        def photo(x: int, y: int) -> None:
            d.rectangle((x, y, x + 230, y + 290), fill=(190, 190, 195), outline=(120, 120, 120), width=2)

        if kind == "my_number_front":
            text(40, 28, "個人番号カード", 40)
            text(40, 100, "氏名", 24)
            text(120, 92, p.name, 46)
            text(40, 180, "住所", 24)
            addr = p.address
            text(120, 176, addr[:18], 32)
            if len(addr) > 18:
                text(120, 220, addr[18:36], 32)
            text(40, 300, f"{fmt_date(p.birth, 'wareki')}生", 32)
            text(420, 300, p.sex, 32)
            expiry = dt.date(2024 + r.randint(1, 9), p.birth.month, min(p.birth.day, 28))
            text(40, 380, f"{expiry.year}年{expiry.month:02d}月{expiry.day:02d}日まで有効", 28)
            text(40, 440, "電子証明書の有効期限", 22)
            truth.decoy("birth_date", expiry.isoformat(), "有効期限")
            photo(740, 90)
            truth.person_row(p, address=True)
        elif kind == "my_number_back":
            text(40, 40, "個人番号", 30)
            text(200, 30, spaced(p.my_number), 52)
            text(40, 150, "氏名", 24)
            text(120, 142, p.name, 38)
            text(40, 210, "生年月日", 24)
            text(160, 204, fmt_date(p.birth, "wareki"), 30)
            d.rectangle((760, 260, 960, 460), outline=ink, width=6)
            for _ in range(60):
                x, y = r.randint(770, 930), r.randint(270, 430)
                d.rectangle((x, y, x + 18, y + 18), fill=ink)
            truth.person_row(p, my_number=True)
        elif kind == "drivers_license":
            text(40, 28, f"氏名　{p.name}", 40)
            text(560, 34, f"{fmt_date(p.birth, 'wareki_pad')}生", 30)
            text(40, 96, f"住所　{p.address[:22]}", 30)
            if len(p.address) > 22:
                text(130, 136, p.address[22:44], 30)
            issued = dt.date(2023, r.randint(1, 12), r.randint(1, 28))
            text(40, 184, f"交付　{fmt_date(issued, 'wareki_pad')}　12345", 28)
            until = dt.date(2028, p.birth.month, min(p.birth.day, 28))
            text(40, 240, f"{fmt_date(until, 'wareki_pad')}まで有効", 36)
            truth.decoy("birth_date", issued.isoformat(), "交付")
            truth.decoy("birth_date", until.isoformat(), "有効期限")
            text(40, 330, "免許の条件等", 24)
            text(40, 440, f"番号　第　{p.licence}　号", 36)
            text(40, 560, "運転免許証", 40)
            text(420, 570, f"{p.prefecture[:-1] if p.prefecture != '北海道' else '北海道'}公安委員会", 30)
            photo(740, 250)
            truth.person_row(p, address=True, licence=True)
        elif kind == "health_insurance":
            text(40, 28, "健康保険被保険者証", 42)
            text(620, 40, "本人（被保険者）", 28)
            text(40, 110, f"記号　{r.randint(1000, 9999)}　番号　{r.randint(1, 999)}", 32)
            text(40, 180, f"氏名　{p.name}", 40)
            text(40, 250, f"生年月日　{fmt_date(p.birth, 'wareki')}　性別　{p.sex}", 32)
            got = p.hired
            text(40, 320, f"資格取得年月日　{fmt_date(got, 'wareki')}", 30)
            truth.decoy("birth_date", got.isoformat(), "資格取得年月日")
            text(40, 400, f"事業所名称　{self.fake.company()}", 28)
            text(40, 460, f"保険者番号　06{r.randint(100000, 999999)}", 28)
            text(40, 520, f"保険者名称　{self.fake.company().replace('株式会社', '').replace('有限会社', '')}健康保険組合", 28)
            truth.person_row(p)
        elif kind == "cash_card":
            text(40, 30, p.bank, 48)
            text(40, 100, "キャッシュカード", 34)
            d.rectangle((60, 200, 190, 290), fill=(200, 180, 90), outline=(120, 100, 40), width=3)
            text(40, 380, f"店番 {p.branch_no}　普通　口座番号 {p.account}", 36)
            text(40, 460, p.roman, 40, "gothic")
            text(40, 540, p.branch, 28)
            truth.opt("person_name", p.roman)  # an unlabelled romanized name
            truth.add("bank_account", p.account)
            truth.persons_optional.add(p.pid)  # an account and a name without a label: a person for some readers
        elif kind == "resident_record":
            text(480, 80, "住民票の写し", 60)
            rows = [("氏名", p.name), ("生年月日", fmt_date(p.birth, "wareki")), ("性別", p.sex), ("世帯主", p.name),
                    ("続柄", "世帯主"), ("住所", p.address[:24]), ("", p.address[24:]),
                    ("住民となった年月日", fmt_date(p.hired, "wareki")), ("個人番号", spaced(p.my_number))]
            y = 260
            for k, v in rows:
                text(100, y, k, 36)
                text(520, y, v, 40)
                y += 110
            issued = dt.date(2024, r.randint(1, 12), r.randint(1, 28))
            text(100, y + 60, "この写しは、住民票の原本と相違ないことを証明する。", 34)
            text(100, y + 140, f"{fmt_date(issued, 'wareki')}", 36)
            text(600, y + 140, f"{self.fake.city()}長", 40)
            truth.decoy("birth_date", issued.isoformat(), "発行日")
            truth.decoy("birth_date", p.hired.isoformat(), "住民となった年月日")
            truth.add("person_name", p.name)  # 世帯主
            truth.person_row(p, address=True, my_number=True)
        elif kind == "notification_card":
            text(40, 28, "通知カード", 44)
            text(40, 110, "個人番号", 28)
            text(220, 100, spaced(p.my_number), 48)
            text(40, 200, f"氏名　{p.name}", 38)
            text(40, 270, f"住所　{p.address[:20]}", 30)
            if len(p.address) > 20:
                text(130, 312, p.address[20:40], 30)
            text(40, 380, f"{fmt_date(p.birth, 'wareki')}生　{p.sex}", 32)
            text(40, 540, f"{self.fake.city()}長", 30)
            truth.person_row(p, address=True, my_number=True)
        elif kind == "residence_card":
            number = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + f"{r.randint(0, 99999999):08d}" + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
            text(40, 24, "在留カード", 44)
            text(560, 30, f"番号 {number}", 32, "gothic")
            text(40, 100, f"氏名　{p.roman}", 36, "gothic")
            born = p.birth
            text(40, 170, f"生年月日 {born.year}年{born.month:02d}月{born.day:02d}日　性別 {'M. 男' if p.sex == '男' else 'F. 女'}　国籍・地域 ベトナム", 26)
            text(40, 230, f"住居地　{p.address[:24]}", 28)
            text(40, 300, "在留資格　技術・人文知識・国際業務", 28)
            until = dt.date(2027, r.randint(1, 12), r.randint(1, 28))
            text(40, 370, f"在留期間（満了日）　3年（{until.year}年{until.month:02d}月{until.day:02d}日）", 28)
            truth.decoy("birth_date", until.isoformat(), "在留期間満了日")
            text(40, 450, "就労制限の有無　在留資格に基づく就労活動のみ可", 26)
            photo(740, 110)
            truth.add("residence_card", number)
            truth.add("person_name", p.roman)
            truth.person_row(p, name=False, address=True)
        elif kind == "health_check_sheet":
            text(420, 80, "健康診断個人票", 56)
            exam = dt.date(2024, r.randint(4, 9), r.randint(1, 28))
            rows = [("受診者氏名", p.name), ("生年月日", fmt_date(p.birth, "kanji")), ("性別", p.sex), ("受診日", fmt_date(exam, "kanji")),
                    ("身長", f"{r.randint(150, 185)}.{r.randint(0, 9)} cm"), ("体重", f"{r.randint(45, 95)}.{r.randint(0, 9)} kg"),
                    ("血圧", f"{r.randint(100, 170)}/{r.randint(60, 105)} mmHg"), ("既往歴", r.choice(["高血圧", "糖尿病", "なし", "喘息"])),
                    ("総合判定", r.choice(["A 異常なし", "C 要経過観察", "D 要精密検査"])), ("医師の意見", r.choice(["特記事項なし", "要再検査", "就業上の配慮を要する"]))]
            y = 240
            for k, v in rows:
                d.rectangle((90, y - 14, 1150, y + 80), outline=ink, width=2)
                text(110, y, k, 36)
                text(520, y, v, 40)
                y += 120
            truth.decoy("birth_date", exam.isoformat(), "受診日")
            truth.person_row(p)
            truth.classes.add("sensitive")
        truth.images += 1
        return img

    def photograph(self, card: Image.Image, scan: bool = False) -> Image.Image:
        r = self.rng
        margin = 40 if scan else r.randint(60, 140)
        desk = (255, 255, 255) if scan else r.choice([(92, 74, 60), (130, 130, 128), (180, 170, 150), (60, 64, 72)])
        img = Image.new("RGB", (card.width + 2 * margin, card.height + 2 * margin), desk)
        img.paste(card, (margin, margin))
        angle = r.uniform(1, 4) * r.choice([-1, 1])
        img = img.rotate(angle if not scan else angle / 3, resample=Image.Resampling.BICUBIC, fillcolor=desk)
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.5, 1.2)))
        amp = r.randint(12, 28)
        noise = Image.frombytes("L", img.size, r.randbytes(img.width * img.height)).point(lambda v: 128 - amp + v * 2 * amp // 255)
        img = ImageChops.add(img, Image.merge("RGB", [noise] * 3), 1.0, -128)
        if not scan:
            img = img.resize((round(img.width * 0.9), round(img.height * 0.9)), Image.Resampling.BILINEAR)
        return img

    def card_photo(self, kind: str, index: int, fmt: str = "jpg") -> None:
        p = self.people.new()
        if kind == "drivers_license" and p.licence is None:
            p.licence = licence_number(self.rng, p.birth)
        truth = Truth()
        truth.classes.add("specific_personal_information" if kind in ("my_number_back", "resident_record", "notification_card") else "personal")
        img = self.photograph(self.card_image(kind, p, truth), scan=fmt == "png")
        rel = f"uploads/{self.hexname(32)}/{self.hexname(16)}.{fmt}"
        if fmt == "jpg":
            img.save(self.path(rel), "JPEG", quality=self.rng.randint(60, 80))
            self.record(rel, f"photo_{kind}", f"Pillow {importlib.metadata.version('pillow')} JPEG", truth)
        else:
            img.save(self.path(rel), "PNG")
            self.record(rel, f"scan_png_{kind}", f"Pillow {importlib.metadata.version('pillow')} PNG", truth)

    def scanned_card_pdf(self, index: int) -> None:
        p = self.people.new()
        truth = Truth()
        truth.classes.add("specific_personal_information")
        front = self.card_image("my_number_front", p, truth)
        back = self.card_image("my_number_back", p, truth)
        truth.images = 1  # one page image
        page = Image.new("RGB", (1240, 1754), (255, 255, 255))
        page.paste(self.photograph(front, scan=True), (100, 120))
        page.paste(self.photograph(back, scan=True), (100, 900))
        page = page.convert("L") if index % 2 else page
        rel = self.rng.choice([f"uploads/{self.hexname()}/{self.hexname(8)}.pdf", f"scans/scan_{index:04d}.pdf"])
        page.save(self.path(rel), "PDF", resolution=150)
        self.record(rel, "scanned_pdf_my_number_card", f"Pillow {importlib.metadata.version('pillow')} PDF (image only)", truth)

    # -- archives and mail -----------------------------------------------------------------------------------

    def archive(self, index: int, kind: str) -> None:
        members = self.rng.sample([e for e in self.entries if not e.kind.startswith(("archive", "email")) and e.kind != "source_code_decoys"], 3)
        photos = [e for e in self.entries if e.kind.startswith("photo_")]
        if not any(m.kind.startswith("photo_") for m in members):
            members[0] = self.rng.choice(photos)
        truth = Truth()
        for m in members:
            truth.merge(m.truth)
        if kind == "zip":
            rel = f"backup/{self.rng.choice(['提出書類', 'hr_export', 'documents'])}_{index:02d}.zip"
            with zipfile.ZipFile(self.path(rel), "w", zipfile.ZIP_DEFLATED) as z:
                for m in members:
                    info = zipfile.ZipInfo(m.path, date_time=(2024, 6, 1, 9, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, (self.out / m.path).read_bytes())
            self.record(rel, "archive_zip", "python zipfile", truth)
        else:
            rel = f"backup/export_{index:02d}.tar.gz"
            raw = io.BytesIO()
            with tarfile.open(fileobj=raw, mode="w") as tar:
                for m in members:
                    data = (self.out / m.path).read_bytes()
                    info = tarfile.TarInfo(m.path)
                    info.size = len(data)
                    info.mtime = 1717232400
                    tar.addfile(info, io.BytesIO(data))
            self.path(rel).write_bytes(gzip.compress(raw.getvalue(), mtime=0))
            self.record(rel, "archive_tar_gz", "python tarfile + gzip", truth)

    def mail(self, index: int) -> None:
        sender = self.people.new()
        staff = self.staff(self.rng.randint(5, 12))
        truth = Truth()
        truth.classes.add("specific_personal_information")
        header, rows, t = self.employee_rows(staff, self.HEADER_VARIANTS[index % 3], "slash", "plain", False)
        truth.merge(t)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows([header] + rows)
        body = (f"人事部 ご担当者様\n\nお疲れ様です。{sender.department}の{sender.last}です。\n"
                f"{self.rng.randint(4, 10)}月入社の社員名簿（マイナンバーを含む）を添付いたします。\n"
                "取り扱いにはご注意ください。\n\n"
                f"--\n{sender.department}\n氏名: {sender.name}\nTEL: {sender.phone}\nE-mail: {sender.email}\n")
        truth.person_row(sender, birth=False, phone=True, email=True)
        msg = email.mime.multipart.MIMEMultipart()
        msg["Subject"] = email.header.Header("社員名簿の送付", "iso-2022-jp")
        msg["From"] = f"{email.header.Header(sender.name, 'iso-2022-jp').encode()} <{sender.email}>"
        msg["To"] = "jinji@example.co.jp"
        msg["Date"] = email.utils.format_datetime(dt.datetime(2024, 4, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))))
        msg["Message-ID"] = f"<{self.hexname(16)}@example.co.jp>"
        truth.opt("email", sender.email, "jinji@example.co.jp")  # the header addresses, if headers are read
        truth.opt("person_name", sender.name)
        msg.attach(email.mime.text.MIMEText(body, "plain", "iso-2022-jp"))
        att = email.mime.base.MIMEBase("text", "csv")
        att.set_payload(buf.getvalue().encode("cp932"))
        email.encoders.encode_base64(att)
        att.add_header("Content-Disposition", "attachment", filename=email.header.Header(f"社員名簿_{index:02d}.csv", "iso-2022-jp").encode())
        msg.attach(att)
        rel = f"mail/{self.hexname(8)}.eml"
        self.path(rel).write_bytes(msg.as_bytes())
        self.record(rel, "email_iso2022jp_csv_attachment", "python email (ISO-2022-JP, base64 Shift_JIS CSV)", truth)

    # -- LibreOffice ------------------------------------------------------------------------------------------

    def convert_all(self) -> str:
        if not self.to_convert:
            return ""
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            sys.exit("soffice not found: run bench/real-documents/setup.sh")
        profile = self.work / "lo-profile"
        outdir = self.work / "lo-out"
        outdir.mkdir()
        base = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        version = subprocess.run(base + ["--version"], capture_output=True, text=True, timeout=120).stdout.strip()
        scans = [(s, rel, t, k) for s, rel, t, k in self.to_convert if k == "year_end_form_scanned_pdf"]
        pdfs = [(s, rel, t, k) for s, rel, t, k in self.to_convert if k != "year_end_form_scanned_pdf"]
        if pdfs:
            subprocess.run(base + ["--convert-to", "pdf", "--outdir", str(outdir)] + [str(s) for s, *_ in pdfs],
                           check=True, capture_output=True, timeout=600)
        if scans:
            subprocess.run(base + ["--convert-to", "png", "--outdir", str(outdir)] + [str(s) for s, *_ in scans],
                           check=True, capture_output=True, timeout=600)
        for src, rel, truth, kind in pdfs:
            produced = outdir / (src.stem + ".pdf")
            shutil.copyfile(produced, self.path(rel))
            self.record(rel, kind, version, truth)
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.utils import ImageReader
        from reportlab.pdfgen import canvas
        for src, rel, truth, kind in scans:
            page = Image.open(outdir / (src.stem + ".png")).convert("RGB")
            scale = 1654 / page.width  # about 200 dpi on A4
            page = page.resize((1654, round(page.height * scale)), Image.Resampling.LANCZOS)
            page = self.photograph(page, scan=True).convert("L")
            buf = io.BytesIO()
            page.save(buf, "JPEG", quality=self.rng.randint(60, 80))
            buf.seek(0)
            c = canvas.Canvas(str(self.path(rel)), pagesize=A4, invariant=1)
            c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
            c.showPage()
            c.save()
            truth.images = 1
            self.record(rel, kind, f"{version} → PNG, Pillow noise, reportlab drawImage (image only)", truth)
        return version

    # -- all ---------------------------------------------------------------------------------------------------

    def generate(self) -> dict:
        n = self.n
        for i in range(n(6)):
            self.employee_csv("utf-8", i)
        for i in range(n(6)):
            self.employee_csv("cp932", i)
        for i in range(n(4)):
            self.employee_csv_gzip(i)
        for i in range(n(6)):
            self.employee_xlsx(i, to_pdf=False)
        for i in range(n(4)):
            self.employee_xlsx(100 + i, to_pdf=True)
        for i in range(n(8)):
            self.year_end_docx(i, to_pdf=False)
        for i in range(n(8)):
            self.year_end_docx(100 + i, to_pdf=True)
        for i in range(n(4)):
            self.year_end_docx(200 + i, to_pdf=False, scanned=True)
        for i in range(n(14)):
            self.payslip_pdf(i)
        for i in range(n(6)):
            self.health_check_pdf(i)
        for i in range(n(6)):
            self.order_csv(i)
        for i in range(n(4)):
            self.source_code(i)
        for kind, count in [("my_number_front", 12), ("my_number_back", 12), ("drivers_license", 12),
                            ("health_insurance", 10), ("cash_card", 10), ("resident_record", 6), ("notification_card", 6),
                            ("residence_card", 6), ("health_check_sheet", 6)]:
            for i in range(n(count)):
                self.card_photo(kind, i)
        for kind in ("my_number_back", "drivers_license"):
            for i in range(n(3)):
                self.card_photo(kind, i, fmt="png")
        for i in range(n(6)):
            self.scanned_card_pdf(i)
        lo_version = self.convert_all()
        for i in range(n(6)):
            self.archive(i, "zip")
        for i in range(n(6)):
            self.archive(i, "tar.gz")
        for i in range(n(6)):
            self.mail(i)
        all_persons: set[int] = set()
        for e in self.entries:
            all_persons |= e.truth.persons
        writers = {p: importlib.metadata.version(p) for p in ("faker", "openpyxl", "python-docx", "reportlab", "fpdf2", "pillow")}
        writers["libreoffice"] = lo_version
        writers["python"] = sys.version.split()[0]
        return {
            "generator": "bench/real-documents/generate.py",
            "detectors": list(DETECTORS),
            "writers": writers,
            "files": [e.to_json() for e in sorted(self.entries, key=lambda e: e.path)],
            "personsDistinct": len(all_persons),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output directory (emptied first)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the number of files of each kind")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    if out.exists():
        if {x.name for x in out.iterdir()} <= {"corpus", "manifest.json"}:
            shutil.rmtree(out)
        else:
            sys.exit(f"{out} exists and is not a corpus made by this script: choose another directory")
    corpus_dir = out / "corpus"
    corpus_dir.mkdir(parents=True)
    c = Corpus(corpus_dir, args.seed, args.scale)
    try:
        manifest = c.generate()
    finally:
        shutil.rmtree(c.work, ignore_errors=True)
    manifest["seed"] = args.seed
    manifest["scale"] = args.scale
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    kinds: dict[str, int] = {}
    for f in manifest["files"]:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    print(f"{len(manifest['files'])} files in {len(kinds)} kinds, {manifest['personsDistinct']} persons → {corpus_dir}")
    for k, v in sorted(kinds.items()):
        print(f"  {k:48s} {v}")


if __name__ == "__main__":
    main()
