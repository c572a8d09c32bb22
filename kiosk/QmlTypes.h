#pragma once
// Declarative QML registration of the objects main.cpp builds (style.md: QML_SINGLETON + QML_FOREIGN, no
// context properties). main.cpp sets each s_instance before the engine loads Main.qml.

#include "AdminController.h"
#include "AppController.h"
#include "ApprovalsController.h"
#include "BorrowerController.h"
#include "BoxController.h"
#include "ClimateController.h"
#include "DbService.h"
#include "EnvController.h"
#include "FeedbackController.h"
#include "LanguageController.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StatsController.h"

#include <QJSEngine>
#include <QtQml/qqml.h>

namespace archive::kiosk {

template <class T>
T* kioskSingleton(T* instance) {
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
}

struct AppForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::AppController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(App)
public:
    static inline AppController* s_instance = nullptr;
    static AppController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct DbForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::DbService)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Db)
public:
    static inline DbService* s_instance = nullptr;
    static DbService* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct LanguageForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::LanguageController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Language)
public:
    static inline LanguageController* s_instance = nullptr;
    static LanguageController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct FeedbackForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::FeedbackController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Feedback)
public:
    static inline FeedbackController* s_instance = nullptr;
    static FeedbackController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct SessionForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::SessionController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Session)
public:
    static inline SessionController* s_instance = nullptr;
    static SessionController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct ScannerForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::ScanController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Scanner)
public:
    static inline ScanController* s_instance = nullptr;
    static ScanController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct BoxForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::BoxController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(BoxDesk)
public:
    static inline BoxController* s_instance = nullptr;
    static BoxController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct BorrowerForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::BorrowerController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Borrower)
public:
    static inline BorrowerController* s_instance = nullptr;
    static BorrowerController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct ApprovalsForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::ApprovalsController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Approvals)
public:
    static inline ApprovalsController* s_instance = nullptr;
    static ApprovalsController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct ClimateForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::ClimateController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Climate)
public:
    static inline ClimateController* s_instance = nullptr;
    static ClimateController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

// ---- manager and admin screens
struct EnvForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::EnvController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Env)
public:
    static inline EnvController* s_instance = nullptr;
    static EnvController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct StatsForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::StatsController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Stats)
public:
    static inline StatsController* s_instance = nullptr;
    static StatsController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

struct AdminForeign {
    Q_GADGET
    QML_FOREIGN(archive::kiosk::AdminController)
    QML_SINGLETON
    QML_NAMED_ELEMENT(Admin)
public:
    static inline AdminController* s_instance = nullptr;
    static AdminController* create(QQmlEngine*, QJSEngine*) { return kioskSingleton(s_instance); }
};

}  // namespace archive::kiosk
