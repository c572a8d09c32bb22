pragma Singleton
import QtQuick

// Colours and sizes of the kiosk. `scale` follows the window (1.0 at 1024×600, 1.8 at 1920×1080); every size
// is a multiple of it so touch targets stay ≥ 9 mm and text is readable standing.
QtObject {
    property real scale: 1.0

    readonly property color background: "#f3f1ec"
    readonly property color surface: "#ffffff"
    readonly property color ink: "#1d2327"
    readonly property color muted: "#5b6670"
    readonly property color line: "#d5d0c4"
    readonly property color accent: "#1f5f8b"
    readonly property color accentInk: "#ffffff"
    readonly property color ok: "#1e7b34"
    readonly property color warn: "#b86e00"
    readonly property color error: "#b3261e"
    readonly property color info: "#1f5f8b"
    readonly property color okSoft: "#dff1e3"
    readonly property color warnSoft: "#fdf0d5"
    readonly property color errorSoft: "#fbe0dd"

    readonly property int touch: Math.round(58 * scale)       // minimum touch target (≥ 9 mm)
    readonly property int gap: Math.round(12 * scale)
    readonly property int radius: Math.round(8 * scale)
    readonly property int small: Math.round(15 * scale)
    readonly property int body: Math.round(19 * scale)
    readonly property int title: Math.round(25 * scale)
    readonly property int huge: Math.round(38 * scale)

    // Opens the request dialog of the self-service screen (emitted from inside list delegates).
    signal openRequest(string code, string title, bool onSiteOnly)

    // Name of a workspace section; `lang` only makes bindings re-evaluate when the language changes.
    function sectionName(s: string, lang: string): string {
        return s === "staff" ? qsTr("Archivist") : s === "borrower" ? qsTr("Self-service")
             : s === "approver" ? qsTr("Approvals") : s === "manager" ? qsTr("Manager")
             : s === "admin" ? qsTr("Administration") : s
    }

    function stateColor(kind: string): color {
        return kind === "ok" ? ok : kind === "warn" ? warn : kind === "error" ? error : info
    }
}
