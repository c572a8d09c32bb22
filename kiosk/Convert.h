#pragma once
// Turns the books' value types (db/BooksTypes.h) into rows for QML: plain QVariantMaps whose codes come
// with their Chinese and English labels, and times as local-date text.

#include "db/BooksTypes.h"

#include <QVariantMap>

namespace archive::kiosk {

QString localDate(qint64 ms);       // "2026-11-26" (local time), "" for 0
QString localDateTime(qint64 ms);   // "2026-11-26 14:05"
QString labelZh(const QString& code);  // state / security / retention / role / mode code → Chinese
QString labelEn(const QString& code);  // … → English

QVariantMap toMap(const db::LocationInfo& l);
QVariantMap toMap(const db::PersonInfo& p);
QVariantMap toMap(const db::BoxInfo& b);
QVariantMap toMap(const db::LoanInfo& l);
QVariantMap toMap(const db::RequestInfo& r);
QVariantMap toMap(const db::SearchHit& h);
QString locationText(const db::LocationInfo& l, bool english);

}  // namespace archive::kiosk
