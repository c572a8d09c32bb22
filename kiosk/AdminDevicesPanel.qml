import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › sensors (bind each to a room) and printers (CUPS queues and their state; each can be chosen for labels
// or for reports — Admin.choosePrinter writes the books settings on the db worker) with the label stocks.
Item {
    id: panel

    readonly property var choice: Admin.printerChoice   // labelPrinter, reportPrinter, labelFrom, reportFrom, stock…

    // Two columns side by side; one under the other on a portrait screen.
    GridLayout {
        anchors.fill: parent
        columns: panel.width > panel.height ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label { text: qsTr("Sensors"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminSensorList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: panel.height * 0.5
                clip: true
                spacing: Theme.gap / 3
                model: Admin.sensors
                delegate: Rectangle {
                    id: sensor
                    required property string sensorKey
                    required property string name
                    required property string kind
                    required property string roomCode
                    required property string lastSeen
                    readonly property var codes: Admin.roomCodes
                    width: ListView.view.width
                    height: sensorCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: sensor.roomCode === "" ? Theme.warn : Theme.line
                    border.width: 2
                    radius: Theme.radius / 2
                    ColumnLayout {
                        id: sensorCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        Label {
                            Layout.fillWidth: true
                            text: sensor.sensorKey + (sensor.name && sensor.name !== sensor.sensorKey ? " · " + sensor.name : "")
                                  + " · " + (sensor.lastSeen === "" ? qsTr("never seen") : qsTr("last reading %1").arg(sensor.lastSeen))
                            font.pixelSize: Theme.small
                            color: Theme.ink
                            wrapMode: Text.Wrap
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            ComboBox {
                                id: roomBox
                                Layout.fillWidth: true
                                Layout.preferredHeight: Theme.touch
                                font.pixelSize: Theme.body
                                model: Admin.roomCodes
                                currentIndex: Math.max(0, sensor.codes.indexOf(sensor.roomCode))
                            }
                            BigButton {
                                objectName: "bind_" + sensor.sensorKey
                                text: sensor.roomCode === "" ? qsTr("Bind") : qsTr("Rebind")
                                enabled: roomBox.currentText !== sensor.roomCode
                                onClicked: Admin.bindSensor(sensor.sensorKey, roomBox.currentText)
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: Admin.sensors.count === 0
                    text: qsTr("No sensors yet. Plug one in; it appears here after its first reading.")
                    width: parent.width
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
            }
            Label { text: qsTr("Label stocks"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminStockList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: panel.height * 0.2
                clip: true
                model: Admin.stocks
                // One line of text per stock that wraps (a sheet stock's size is long: "210×297 mm 纸 / sheet, 3×8 …").
                delegate: Rectangle {
                    id: stock
                    required property string name
                    required property string titleZh
                    required property string titleEn
                    required property string size
                    width: ListView.view.width
                    height: stockText.implicitHeight + Theme.gap / 2
                    color: Theme.surface
                    border.color: Theme.background
                    border.width: 1
                    Label {
                        id: stockText
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.leftMargin: Theme.gap / 2
                        anchors.rightMargin: Theme.gap / 2
                        text: Language.pick(stock.titleZh, stock.titleEn) + " (" + stock.name + ") · " + stock.size
                        font.pixelSize: Theme.small
                        color: Theme.ink
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            RowLayout {
                Layout.fillWidth: true
                Label { Layout.fillWidth: true; text: qsTr("Printers"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
                BigButton { objectName: "reloadPrinters"; text: qsTr("Refresh"); onClicked: Admin.loadPrinters() }
            }
            // Where the kiosk prints now (books settings label_printer / report_printer, else the environment).
            Rectangle {
                objectName: "printerChoice"
                Layout.fillWidth: true
                implicitHeight: choiceCol.implicitHeight + Theme.gap / 2
                color: Theme.surface
                border.color: Theme.line
                border.width: 2
                radius: Theme.radius / 2
                ColumnLayout {
                    id: choiceCol
                    anchors.fill: parent
                    anchors.margins: Theme.gap / 4
                    spacing: 0
                    Label {
                        objectName: "labelPrinterChoice"
                        Layout.fillWidth: true
                        text: qsTr("Label printer: %1").arg(panel.choice.labelPrinter
                                  ? panel.choice.labelPrinter
                                    + (panel.choice.labelFrom === "env" ? " " + qsTr("(from ARCHIVE_LABEL_PRINTER)") : "")
                                  : qsTr("none chosen — simulated printer: labels are saved as files in %1").arg(BoxDesk.printer.printedDir))
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: panel.choice.labelPrinter ? Theme.ink : Theme.warn
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // the file printer's folder can be long
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: (panel.choice.stockName || "") !== ""
                        text: qsTr("Label stock: %1").arg(Language.pick(panel.choice.stockZh || "", panel.choice.stockEn || ""))
                        font.pixelSize: Theme.small
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "reportPrinterChoice"
                        Layout.fillWidth: true
                        text: qsTr("Report printer: %1").arg(panel.choice.reportPrinter
                                  ? panel.choice.reportPrinter
                                    + (panel.choice.reportFrom === "env" ? " " + qsTr("(from ARCHIVE_REPORT_PRINTER)") : "")
                                  : qsTr("none chosen — reports are saved as files in %1").arg(BoxDesk.printer.printedDir))
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: panel.choice.reportPrinter ? Theme.ink : Theme.warn
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // the file printer's folder can be long
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: Language.pick(Admin.printerNoteZh, Admin.printerNoteEn)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small
                color: Theme.warn
            }
            ListView {
                objectName: "adminPrinterList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: panel.height * 0.5
                clip: true
                spacing: Theme.gap / 3
                model: Admin.printers
                delegate: Rectangle {
                    id: printer
                    required property string name
                    required property string condition
                    required property string conditionZh
                    required property string conditionEn
                    required property bool isDefault
                    required property string makeModel
                    readonly property var choice: Admin.printerChoice
                    readonly property bool forLabels: printer.choice.labelPrinter === printer.name
                                                      && printer.choice.labelFrom === "books"
                    readonly property bool forReports: printer.choice.reportPrinter === printer.name
                                                       && printer.choice.reportFrom === "books"
                    width: ListView.view.width
                    height: printerCol.implicitHeight + Theme.gap / 2
                    color: printer.condition !== "ready" && printer.condition !== "busy" ? Theme.warnSoft : Theme.surface
                    border.color: printer.forLabels || printer.forReports ? Theme.accent : Theme.line
                    border.width: 2
                    radius: Theme.radius / 2
                    ColumnLayout {
                        id: printerCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 4
                        spacing: Theme.gap / 4
                        Label {
                            Layout.fillWidth: true
                            text: (printer.isDefault ? "★ " : "") + printer.name + " · " + Language.pick(printer.conditionZh, printer.conditionEn)
                                  + (printer.makeModel ? " · " + printer.makeModel : "")
                            font.pixelSize: Theme.small
                            font.bold: true
                            color: Theme.ink
                            wrapMode: Text.Wrap
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap / 3
                            BigButton {
                                objectName: "useForLabels_" + printer.name
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                text: printer.forLabels ? qsTr("✓ For labels") : qsTr("Use for labels")
                                highlighted: printer.forLabels
                                onClicked: if (!printer.forLabels) Admin.choosePrinter("label", printer.name)
                            }
                            BigButton {
                                objectName: "useForReports_" + printer.name
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                text: printer.forReports ? qsTr("✓ For reports") : qsTr("Use for reports")
                                highlighted: printer.forReports
                                onClicked: if (!printer.forReports) Admin.choosePrinter("report", printer.name)
                            }
                        }
                    }
                }
            }
        }
    }
}
