#pragma once
// Word lists and title templates of the demo archive (a county forestry bureau).

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace archive::db::demo {

QString personName(QRandomGenerator& rng);
QString externalUnit(QRandomGenerator& rng);
QString phone(QRandomGenerator& rng);
// A realistic item title for a category code (WS, KJ, KU, RS, ZY, SX, SW) and year.
QString itemTitle(QRandomGenerator& rng, const QString& category, int year, const QString& orgName);
// A box title: what the box holds.
QString boxTitle(const QString& category, int year, const QString& orgName, const QString& fondsName);
QString requestPurpose(QRandomGenerator& rng);

}  // namespace archive::db::demo
