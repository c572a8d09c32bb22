#!/usr/bin/env python3
"""Fills kiosk_zh_CN.ts (Chinese) and kiosk_en.ts (English) after `lupdate`, and checks them.

Run after adding or changing a qsTr string (BUILD is your build directory):
    cmake --build BUILD --target kiosk_ui_lupdate && python3 kiosk/i18n/fill_ts.py
Source strings in the QML are English. Every one must have a Chinese entry: in ZH below or in a zh_*.json beside
this script ({"English": "中文", …}; every zh_*.json here is read, so engineers adding a screen add their own file).
A string without Chinese is listed and the script exits 1 (the .ts files are still written with what is known).
English is the source text, except the hand-set overrides in EN (kept on every run) and the plural forms.

    python3 kiosk/i18n/fill_ts.py --check
writes nothing; exits 1 if a message of either .ts file is unfinished, empty or lost its %1/%n markers, or if a
qsTr/tr string of a QML/C++ file in kiosk/ is not in the .ts files (lupdate was not rerun). ctest: kiosk_translations.
"""
import sys, os, re, glob, json, xml.etree.ElementTree as ET

ZH = {
    "%n alert(s)": "%n 条告警",
    "Administration": "系统管理",
    "Approvals": "审批",
    "Approve": "批准",
    "Archive-room kiosk": "档案室自助终端",
    "Archivist": "档案员",
    "Available": "可借",
    "Barcode": "条码",
    "Batch move to %1: scan each box.": "批量移库到 %1：逐个扫描档案盒。",
    "Batch move: scan the target shelf first.": "批量移库：请先扫描目标架位。",
    "Batch return: scan each box; each one is checked in as OK.": "批量归还：逐个扫描档案盒，每盒按“完好”归还。",
    "Batch:": "批量：",
    "Borrower": "借阅人",
    "Box no. · items": "盒号 · 起止件号",
    "Cancel": "取消",
    "Category · security": "门类 · 密级",
    "Check in": "归还",
    "Check out": "借出",
    "Condition on return": "归还时状况",
    "Continue": "继续使用",
    "Damaged": "损坏",
    "Due %1": "应还 %1",
    "Due": "应还日期",
    "Exit kiosk mode": "退出终端模式",
    "Fonds": "全宗",
    "Hold the barcode under the scanner. Staff: scan your card, then enter your PIN.": "请将条码对准扫描器。工作人员：刷工作证后输入密码。",
    "Incomplete": "不完整",
    "Label": "标签",
    "Location": "位置",
    "Log out": "退出登录",
    "Lost": "丢失",
    "Manager": "管理",
    "Move many": "批量移库",
    "Move": "移库",
    "My loans (%1)": "我的借阅（%1）",
    "My requests (%1)": "我的申请（%1）",
    "No readings yet": "暂无读数",
    "Not available": "不可借",
    "Note (required to reject)": "意见（驳回时必填）",
    "Nothing found for “%1”.": "没有找到“%1”。",
    "Nothing is waiting for you.": "没有待您审批的申请。",
    "OK": "确定",
    "OVERDUE": "已逾期",
    "Off": "关闭",
    "On site only": "仅限室内查阅",
    "Or lend it for an approved request:": "或按已批准的申请借出：",
    "Or type the code on the label": "或输入标签上的编号",
    "Overdue since %1": "已逾期（应还 %1）",
    "Print label": "打印标签",
    "Purpose (e.g. audit, research, certificate)": "借阅目的（如审计、编研、出具证明）",
    "Purpose: %1": "目的：%1",
    "Read on site": "室内查阅",
    "Refresh": "刷新",
    "Reject": "驳回",
    "Renew": "续借",
    "Request": "申请",
    "Return many": "批量归还",
    "Rooms, shelves, sensors, printers, loan rules and people are managed with archivectl for now.": "库房、架位、传感器、打印机、借阅规则和人员目前通过 archivectl 管理。",
    "Scan a box or your card": "请扫描档案盒或借阅证",
    "Scan a box to see it here.": "扫描档案盒，在此查看详情。",
    "Scan the borrower's card": "请扫描借阅人的借阅证",
    "Scan the target shelf": "请扫描目标架位",
    "Search": "检索",
    "Self-service": "自助借阅",
    "Sensor silent": "传感器无数据",
    "Simulated devices": "模拟设备",
    "Still there? Logging out in %1 s": "还在吗？%1 秒后自动退出",
    "Storage rooms": "库房",
    "Submit request": "提交申请",
    "Take out": "借出",
    "This category may only be read in the archive room.": "此门类档案仅限在档案室内查阅。",
    "This session": "本次操作",
    "Title, archival code, fonds or year": "题名、档号、全宗或年度",
    "Version %1": "版本 %1",
    "Waiting for your approval: %1": "待您审批：%1",
    "Year · retention": "年度 · 保管期限",
    "You have %n overdue loan(s). Please return them; new loans are blocked until then.": "您有 %n 件逾期未还。请尽快归还，归还前不能再借。",
    "You have no requests.": "您没有借阅申请。",
    "You have nothing on loan.": "您目前没有借阅。",
    "external": "外单位",
    "not printed yet": "尚未打印",
    "on-site reading only": "仅限室内查阅",
    "out of date — reprint": "已过期，请重新打印",
    "up to date": "最新",
    "waiting for: %1": "待：%1",
    "Archive-room kiosk — screens": "档案室自助终端",
    # on-screen keyboard (KioskKeyboard.qml) and its button beside the search field
    "Hide ▾": "收起 ▾",
    "Keep letters": "确认字母",
    "Space": "空格",
    "Keyboard ▾": "键盘 ▾",
    "Keyboard ▴": "键盘 ▴",
    # server banner (ServerBanner.qml, several kiosks on PostgreSQL)
    "⚠ Server unreachable": "⚠ 服务器无法连接",
    "Reconnecting by itself. Nothing can be saved until it is back.": "正在自动重连。恢复前无法保存任何操作。",
}

# Further Chinese entries live beside this script as zh_*.json ({"English": "中文", …}), one per screen group.
HERE = os.path.dirname(os.path.abspath(__file__))
for extra in sorted(glob.glob(os.path.join(HERE, "zh_*.json"))):
    with open(extra, encoding="utf-8") as fh:
        ZH.update(json.load(fh))

# English that differs from the source text (kept on every run; lupdate alone would bring the source back).
EN = {
    # the simulated-devices notice on a 1024-px top bar: "Simulated devices: scanner, sensors"
    "climate sensors": "sensors",
}

# English plural forms (one, other) where "(s)" alone does not read well; other "(s)" strings get "" / "s".
EN_PLURAL = {
    "You have %n overdue loan(s). Please return them; new loans are blocked until then.":
        ("You have %n overdue loan. Please return it; new loans are blocked until then.",
         "You have %n overdue loans. Please return them; new loans are blocked until then."),
}


def english_plural(src):
    if src in EN_PLURAL:
        return EN_PLURAL[src]
    return (src.replace("(s)", ""), src.replace("(s)", "s"))


def fill(path, lang):
    tree = ET.parse(path)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        plural = msg.get("numerus") == "yes"
        if lang == "en":
            forms = english_plural(src) if plural else (EN.get(src, src),)
        else:
            text = ZH.get(src)
            if text is None:
                missing.append(src)
                continue
            forms = (text,)
        for k in list(tr):
            tr.remove(k)
        if plural:
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
            tr.text = None
        else:
            tr.text = forms[0]
        if "type" in tr.attrib:
            del tr.attrib["type"]
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


MARKERS = re.compile(r"%(?:n|L?[1-9])")
# qsTr("…") / qsTranslate("Ctx", "…") in QML, tr("…") / QT_TR_NOOP("…") in C++ (adjacent literals are joined).
QML_CALL = re.compile(r'\bqsTr\(\s*((?:"(?:[^"\\]|\\.)*"\s*\+?\s*)+)')
CPP_CALL = re.compile(r'\b(?:tr|QT_TR_NOOP)\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unescape(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def source_strings(kiosk_dir):
    found = {}
    for path in sorted(glob.glob(os.path.join(kiosk_dir, "*.qml")) + glob.glob(os.path.join(kiosk_dir, "*.cpp"))
                       + glob.glob(os.path.join(kiosk_dir, "*.h"))):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        call = QML_CALL if path.endswith(".qml") else CPP_CALL
        for m in call.finditer(text):
            s = "".join(unescape(x) for x in LITERAL.findall(m.group(1)))
            found.setdefault(s, os.path.basename(path))
    return found


def check():
    problems = []
    sources = set()
    for name, lang in (("kiosk_zh_CN.ts", "zh"), ("kiosk_en.ts", "en")):
        root = ET.parse(os.path.join(HERE, name)).getroot()
        for msg in root.iter("message"):
            src = msg.findtext("source") or ""
            sources.add(src)
            tr = msg.find("translation")
            where = "%s: \"%s\"" % (name, src)
            if tr is None:
                problems.append(where + " has no translation")
                continue
            if tr.get("type"):
                problems.append(where + " is " + tr.get("type"))
            forms = [f.text or "" for f in tr.findall("numerusform")] if msg.get("numerus") == "yes" else [tr.text or ""]
            if not forms or any(not f.strip() for f in forms):
                problems.append(where + " has an empty translation")
                continue
            for f in forms:
                if sorted(set(MARKERS.findall(f))) != sorted(set(MARKERS.findall(src))):
                    problems.append(where + " → \"%s\": the %%1/%%n markers differ" % f)
            if lang == "zh" and src not in ZH:
                problems.append(where + " has no Chinese in fill_ts.py or a zh_*.json")
    for s, f in source_strings(os.path.join(HERE, "..")).items():
        if s not in sources:
            problems.append("%s: \"%s\" is not in the .ts files (rerun kiosk_ui_lupdate and fill_ts.py)" % (f, s))
    return problems


if "--check" in sys.argv:
    problems = check()
    print(*problems, sep="\n")
    print("translations: %d problem(s)" % len(problems))
    sys.exit(1 if problems else 0)

bad = fill(os.path.join(HERE, "kiosk_zh_CN.ts"), "zh")
fill(os.path.join(HERE, "kiosk_en.ts"), "en")
if bad:
    print("missing Chinese for (add them to ZH or a zh_*.json):", *bad, sep="\n  ")
    sys.exit(1)
