import QtQuick
import QtQuick.Controls
import Kiosk

// The last result of a manager/admin action, in the current language (green when done, red when refused).
Label {
    id: message

    property string zh: ""
    property string en: ""
    property bool ok: true

    visible: text !== ""
    text: Language.pick(zh, en)
    wrapMode: Text.WordWrap
    font.pixelSize: Theme.body
    color: ok ? Theme.ok : Theme.error
    padding: Theme.gap / 2
    background: Rectangle { color: message.ok ? Theme.okSoft : Theme.errorSoft; radius: Theme.radius }
}
