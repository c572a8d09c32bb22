import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Manager › exports and ledger: choose what to export (CSV tables, climate reports as PDF/CSV), where (a mounted
// USB stick or a typed folder), export; and verify the hash-chained ledger.
Item {
    id: panel

    property var kinds: ["holdings", "overdue"]
    property alias folderText: folder.text
    readonly property var media: Stats.media
    readonly property var kindOptions: [{ value: "holdings", text: qsTr("Holdings (CSV)") }, { value: "loans", text: qsTr("Loans (CSV)") },
                                { value: "overdue", text: qsTr("Overdue (CSV)") }, { value: "ledger", text: qsTr("Ledger (CSV)") },
                                { value: "env_pdf", text: qsTr("Climate report, 30 days (PDF)") },
                                { value: "env_csv", text: qsTr("Climate report, 30 days (CSV)") }]

    function toggle(k: string) {
        const list = panel.kinds.slice()
        const i = list.indexOf(k)
        if (i >= 0) list.splice(i, 1)
        else list.push(k)
        panel.kinds = list
    }

    // Two columns side by side; one under the other on a portrait screen.
    GridLayout {
        anchors.fill: parent
        columns: panel.width > panel.height ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: Theme.gap / 2
            Label {
                text: qsTr("Export")
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.ink
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap / 2
                Repeater {
                    model: panel.kindOptions.map(o => ({ value: o.value, text: o.text, owner: panel }))
                    delegate: BigButton {
                        required property var modelData
                        objectName: "exportKind_" + modelData.value
                        text: (modelData.owner.kinds.indexOf(modelData.value) >= 0 ? "✓ " : "") + modelData.text
                        highlighted: modelData.owner.kinds.indexOf(modelData.value) >= 0
                        font.pixelSize: Theme.small
                        onClicked: modelData.owner.toggle(modelData.value)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("USB sticks:")
                    font.pixelSize: Theme.body
                    color: Theme.ink
                }
                Repeater {
                    model: panel.media.map(m => ({ path: m.path, label: m.label, owner: panel }))
                    delegate: BigButton {
                        required property var modelData
                        text: "💾 " + modelData.label
                        highlighted: modelData.owner.folderText === modelData.path
                        onClicked: modelData.owner.folderText = modelData.path
                    }
                }
                Label {
                    visible: Stats.media.length === 0
                    Layout.fillWidth: true
                    text: qsTr("none found — plug one in and tap Look again")
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
                Item { Layout.fillWidth: Stats.media.length > 0 }
                BigButton {
                    objectName: "scanMedia"
                    text: qsTr("Look again")
                    onClicked: Stats.scanMedia()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: folder
                    objectName: "exportFolder"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Folder, e.g. /media/usb/档案导出")
                }
                BigButton {
                    objectName: "exportRun"
                    text: Stats.exporting ? qsTr("Exporting…") : qsTr("Export")
                    highlighted: true
                    enabled: !Stats.exporting && panel.kinds.length > 0
                    onClicked: Stats.exportTo(panel.kinds, folder.text)
                }
            }
            ManagerMessage {
                Layout.fillWidth: true
                zh: Stats.messageZh
                en: Stats.messageEn
                ok: Stats.messageOk
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Stats.exportedFiles
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: "📄 " + modelData
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    elide: Text.ElideMiddle
                }
            }
        }

        Rectangle {
            Layout.fillHeight: true
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            radius: Theme.radius
            color: Stats.ledgerState === "ok" ? Theme.okSoft
                 : Stats.ledgerState === "failed" || Stats.ledgerState === "error" ? Theme.errorSoft : Theme.surface
            border.color: Theme.line
            border.width: 2
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.gap
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Ledger (tamper check)")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.ink
                    wrapMode: Text.WordWrap
                }
                Label {
                    objectName: "ledgerStatus"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.body
                    font.bold: Stats.ledgerState !== ""
                    color: Stats.ledgerState === "ok" ? Theme.ok : Stats.ledgerState === "" || Stats.ledgerState === "running" ? Theme.muted : Theme.error
                    text: Stats.ledgerState === "" ? qsTr("Not checked yet in this session.")
                        : Stats.ledgerState === "running" ? qsTr("Checking every row…")
                        : Stats.ledgerState === "ok" ? qsTr("OK — %1 rows checked, the chain is intact.").arg(Stats.ledgerRows)
                        : Stats.ledgerState === "failed" ? qsTr("FAILED at row %1 (%2); %3 rows checked. Call the administrator and keep the database file.")
                                                           .arg(Stats.ledgerBadSeq).arg(Stats.ledgerReason).arg(Stats.ledgerRows)
                        : qsTr("Could not check: %1").arg(Stats.ledgerReason)
                }
                BigButton {
                    objectName: "verifyLedger"
                    text: qsTr("Verify ledger")
                    highlighted: true
                    enabled: Stats.ledgerState !== "running"
                    onClicked: Stats.verifyLedger()
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
