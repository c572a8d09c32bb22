#pragma once
// Numbered schema migrations, embedded as Qt resources from db/migrations/.
//
// File names: NNNN_name.sql            portable SQL, applied on every backend
//             NNNN_name.sqlite.sql     SQLite-only part of migration NNNN (FTS5, triggers)
//             NNNN_name.pg.sql         PostgreSQL-only part of migration NNNN
// All parts of one number are applied in one transaction, portable part first, and the number is
// recorded in schema_migrations. Statements end with ';' at the end of a line; a block that ends a
// line with BEGIN (trigger bodies) runs until a line "END;", and $$ … $$ bodies are kept whole.
// Reserved numbers: 0001–0009 books (issue 2), 0010–0019 environment (issue 5),
// 0020–0029 labels/printing (issue 6), 0030–0039 kiosk/devices settings (issues 3, 4, 7).

#include "common/Result.h"

#include <QStringList>

namespace archive::db {

class Database;

class Migrations {
public:
    struct Step {
        int version = 0;
        QString name;
        QStringList files;  // resource paths, in application order
    };
    static QList<Step> available(const Database& db);  // steps for the db's dialect, sorted
    static int currentVersion(Database& db);
    static Status apply(Database& db);
    static QStringList splitStatements(const QString& script);
};

}  // namespace archive::db
