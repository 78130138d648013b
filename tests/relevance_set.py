"""A relevance test set for search: short statements in Russian, English, Kazakh and Uzbek,
written for this purpose, photos of a case whose name is also a street name, and queries with
the documents each must find. Used by tests/test_search_relevance.py and by
benchmarks/bench_search.py (recall and rank of the first relevant hit)."""

from __future__ import annotations

from datetime import datetime

from search import IndexDocument

STATEMENTS = {
    "ru-basement": "Нас держали в подвале магазина на улице Отрадной. В подвалах было холодно, "
                   "окон не было.",
    "ru-father": "Отца забрали ночью. Через три дня он вернулся без паспорта и без денег.",
    "ru-sisters": "У моих сестёр отобрали документы. Сестры работали на складе без выходных.",
    "ru-kasymova": "Касымова рассказала, что хозяин кормил их один раз в день.",
    "ru-otradnaya-van": "Свидетель: фургон стоял у дома на Отрадной, водитель ждал до утра.",
    "ru-otradnaya-hostel": "Я жила в общежитии на Отрадной. Охранник запирал дверь на ночь.",
    "ru-otradnaya-road": "Машина уехала с Отрадной в сторону трассы, нас было шестеро.",
    "en-passports": "The guards took our passports at the border and never gave them back.",
    "en-basement": "We were kept in the basement of a shop for two years, the witness said.",
    "en-kasymova": "Kasymova testified that the owner paid nothing for eleven months.",
    "kk-house-basement": "Үйдің жертөлесінде он адам тұрды, терезе болмады.",
    "kk-guard": "Күзетші бізді түнде жертөледе қамап қойды.",
    "kk-documents": "Олар құжаттарымызды алып қойды да, қайтармады.",
    "uz-documents": "Ular hujjatlarimizni olib qoʻyishdi va qaytarmadi.",
    "uz-basement": "Ertalab podvalda oʻn kishi bor edi.",
    "uz-passport": "Pasportimni ishxonada qoldirishdi, men uni boshqa koʻrmadim.",
}

# Query -> the statements it must find (all of them; the first within the top 3).
QUERIES: dict[str, set[str]] = {
    "подвал": {"ru-basement", "uz-basement"},
    "отец": {"ru-father"},
    "день": {"ru-father", "ru-kasymova"},
    "сестра": {"ru-sisters"},
    "passport": {"en-passports", "ru-father", "uz-passport"},
    "паспорт": {"ru-father", "en-passports", "uz-passport"},
    "passports": {"en-passports", "ru-father", "uz-passport"},
    "basement": {"en-basement"},
    "Otradnaya": {"ru-otradnaya-van", "ru-otradnaya-hostel", "ru-otradnaya-road",
                  "ru-basement"},
    "Kasymova": {"ru-kasymova", "en-kasymova"},
    "жертөле": {"kk-house-basement", "kk-guard"},
    "құжат": {"kk-documents"},
    "hujjat": {"uz-documents"},
    '"держали в подвале"': {"ru-basement"},
    "охранник AND дверь": {"ru-otradnaya-hostel"},
}

CASE = "Otradnaya raid"


def documents() -> list[IndexDocument]:
    when = datetime(2023, 6, 1)
    docs = [IndexDocument(id=key, rev=1, kind="transcript", name=f"statement-{n:02d}.txt",
                          text=text,
                          cases=[CASE] if "otradnaya" in key else [], captured=when)
            for n, (key, text) in enumerate(STATEMENTS.items())]
    # The photos of the raid: the case is named after the street, some file names and a tag
    # name it too. They must not push the statements that say «Отрадной» out of the top.
    for i in range(44):
        name = f"otradnaya-gate-{i:02d}.jpg" if i < 6 else f"IMG_{4100 + i}.JPG"
        docs.append(IndexDocument(id=f"photo-{i:02d}", rev=1, kind="photo", name=name,
                                  tags=["otradnaya"] if i % 4 == 0 else [], cases=[CASE],
                                  camera="NIKON D750", captured=when, has_location=i % 2 == 0))
    return docs


def first_relevant_rank(found: list[str], relevant: set[str]) -> int | None:
    for rank, key in enumerate(found, 1):
        if key in relevant:
            return rank
    return None
