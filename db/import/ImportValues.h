#pragma once
// Coded values as archivists write them (Chinese or English) → the codes stored in the books.
// Each returns an empty string when the text is not recognised.

#include <QString>
#include <QStringList>

namespace archive::db::importvalues {

QString retention(const QString& text);       // 永久 / 定期30年 / 30年 / 长期 / permanent / 30y / 10y …
QString security(const QString& text);        // 公开 / 内部 / 秘密 / 机密 / public / internal / secret / confidential
QString personKind(const QString& text);      // 内部 / 外部 / 外单位 / internal / external
QString role(const QString& text);            // 借阅者 / 档案员 / 档案室负责人 / 主管领导 / 管理人员 / 管理员 / English codes
QString climateProfile(const QString& text);  // 纸质 / 特藏 / 音像 / 胶片 / paper / special / av / film
// 是/否, yes/no, y/n, true/false, 1/0, √/×; returns -1 when not recognised.
int yesNo(const QString& text);
// Splits "a;b、c|d，e" or "a, b" lists.
QStringList splitList(const QString& text);

}  // namespace archive::db::importvalues
