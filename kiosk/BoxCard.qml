import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// The facts of one box as the books have them.
Rectangle {
    id: card

    property var box: ({})

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line
    border.width: 2
    // A real implicit width: with 0 (a Rectangle's default) Qt 6.4's ColumnLayout kept the card 0 px wide when it
    // first became visible, so the frame and the value column (width = card width − label column) vanished.
    implicitWidth: Math.max(Theme.touch * 6, grid.implicitWidth + Theme.gap * 2)
    implicitHeight: grid.implicitHeight + Theme.gap * 2

    function field(key: string): string {
        const v = card.box[key]
        return v === undefined || v === null ? "" : String(v)
    }

    ColumnLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap / 2

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "boxTitle"
                Layout.fillWidth: true
                text: card.field("title")
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.ink
            }
            Label {
                objectName: "boxState"
                text: Language.pick(card.field("stateZh"), card.field("stateEn"))
                font.pixelSize: Theme.body
                font.bold: true
                color: "white"
                padding: Theme.gap / 2
                background: Rectangle {
                    radius: Theme.radius
                    color: card.field("state") === "in_place" ? Theme.ok
                         : card.field("state") === "on_loan" ? Theme.info : Theme.error
                }
            }
        }
        // A plain Column, not a layout: Qt 6.4 layouts crash when a Repeater inside them is re-populated.
        Column {
            id: fields
            Layout.fillWidth: true
            spacing: 2
            Repeater {
                model: [
                    [qsTr("Barcode"), card.field("barcode")],
                    [qsTr("Fonds"), card.field("fonds")],
                    [qsTr("Year · retention"), card.field("year") + " · " + Language.pick(card.field("retentionZh"), card.field("retentionEn"))],
                    [qsTr("Box no. · items"), card.field("boxNo") + " · " + card.field("items")],
                    [qsTr("Category · security"), card.field("category") + " · " + Language.pick(card.field("securityZh"), card.field("securityEn"))
                        + (card.box.inRoomOnly ? " · " + qsTr("on-site reading only") : "")],
                    [qsTr("Location"), Language.pick(card.field("locationZh"), card.field("locationEn"))],
                    [qsTr("Borrower"), card.box.onLoan ? card.field("borrowerName") + " (" + card.field("borrowerCard") + ")" : "—"],
                    [qsTr("Due"), card.box.onLoan ? card.field("due") + (card.box.overdue ? "  " + qsTr("OVERDUE") : "") : "—"],
                    [qsTr("Label"), card.field("labelState") === "stale" ? qsTr("out of date — reprint")
                                  : card.field("labelState") === "current" ? qsTr("up to date") : qsTr("not printed yet")]
                ]
                delegate: Row {
                    id: fieldRow
                    required property var modelData
                    width: parent ? parent.width : 0
                    spacing: Theme.gap
                    Label {
                        width: Theme.touch * 2.6
                        text: fieldRow.modelData[0]
                        font.pixelSize: Theme.small
                        color: Theme.muted
                    }
                    Label {
                        width: fieldRow.width - Theme.touch * 2.6 - Theme.gap
                        text: fieldRow.modelData[1]
                        font.pixelSize: Theme.body
                        color: Theme.ink
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
