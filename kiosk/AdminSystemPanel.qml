import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › scanner settings (prefix, suffix, longest pause between keys, shortest code; applied at once) and
// leaving kiosk mode.
Item {
    id: panel

    readonly property var settings: Admin.scanner

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

        Label { text: qsTr("Barcode scanner (keyboard mode)"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
        GridLayout {
            Layout.fillWidth: true
            columns: panel.width > panel.height ? 4 : 2  // portrait: one setting per row
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap / 2
            Label { text: qsTr("Prefix"); font.pixelSize: Theme.body; color: Theme.ink }
            TextField {
                id: prefix
                objectName: "scannerPrefix"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.body
                text: panel.settings.prefix ?? ""
                placeholderText: qsTr("none")
            }
            Label { text: qsTr("Suffix"); font.pixelSize: Theme.body; color: Theme.ink }
            TextField {
                id: suffix
                objectName: "scannerSuffix"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.body
                text: panel.settings.suffix ?? ""
                placeholderText: qsTr("none")
            }
            Label { text: qsTr("Max. pause between keys (ms)"); font.pixelSize: Theme.body; color: Theme.ink }
            SpinBox {
                id: gap
                objectName: "scannerGap"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.body
                from: 5
                to: 200
                value: panel.settings.maxGapMs ?? 40
                editable: true
            }
            Label { text: qsTr("Shortest code"); font.pixelSize: Theme.body; color: Theme.ink }
            SpinBox {
                id: minLength
                objectName: "scannerMinLength"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.body
                from: 1
                to: 64
                value: panel.settings.minLength ?? 6
                editable: true
            }
        }
        BigButton {
            objectName: "saveScanner"
            text: qsTr("Save scanner settings")
            highlighted: true
            onClicked: Admin.saveScanner(prefix.text, suffix.text, gap.value, minLength.value)
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 2; color: Theme.line }
        Label {
            text: qsTr("Version %1").arg(App.version)
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        BigButton {
            objectName: "exitKiosk"
            text: qsTr("Exit kiosk mode")
            tone: "error"
            onClicked: App.exitKiosk()
        }
        Item { Layout.fillHeight: true }
    }
}
