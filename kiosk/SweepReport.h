#pragma once
// The printable record of one inventory sweep (盘点报告): an A4 PDF drawn with QPainter on a QPdfWriter, in the
// label font (WenQuanYi Micro Hei, embedded). A pure function of its input: call it off the GUI thread.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace archive::kiosk {

struct SweepReportLine {
    QString code, title, note;
};

struct SweepReportData {
    QString shelfBarcode, shelfText;
    QString staffName, staffCard;
    qint64 atMs = 0;
    QList<SweepReportLine> found, missing, misplaced, unknown;
};

Result<QByteArray> renderSweepReport(const SweepReportData& data);

}  // namespace archive::kiosk
