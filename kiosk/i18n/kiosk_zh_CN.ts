<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminDevicesPanel</name>
    <message>
        <source>Sensors</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>never seen</source>
        <translation>从未收到读数</translation>
    </message>
    <message>
        <source>last reading %1</source>
        <translation>最近读数 %1</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>No sensors yet. Plug one in; it appears here after its first reading.</source>
        <translation>还没有传感器。插上传感器，收到第一条读数后会显示在这里。</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Label stocks</source>
        <translation>标签纸规格</translation>
    </message>
    <message>
        <source>Rebind</source>
        <translation>改绑</translation>
    </message>
    <message>
        <source>(from ARCHIVE_LABEL_PRINTER)</source>
        <translation>（来自环境变量 ARCHIVE_LABEL_PRINTER）</translation>
    </message>
    <message>
        <source>Label stock: %1</source>
        <translation>标签纸：%1</translation>
    </message>
    <message>
        <source>(from ARCHIVE_REPORT_PRINTER)</source>
        <translation>（来自环境变量 ARCHIVE_REPORT_PRINTER）</translation>
    </message>
    <message>
        <source>Use for labels</source>
        <translation>用于标签</translation>
    </message>
    <message>
        <source>Use for reports</source>
        <translation>用于报告</translation>
    </message>
    <message>
        <source>Label printer: %1</source>
        <translation>标签打印机：%1</translation>
    </message>
    <message>
        <source>Report printer: %1</source>
        <translation>报告打印机：%1</translation>
    </message>
    <message>
        <source>✓ For labels</source>
        <translation>✓ 标签打印机</translation>
    </message>
    <message>
        <source>✓ For reports</source>
        <translation>✓ 报告打印机</translation>
    </message>
    <message>
        <source>none chosen — simulated printer: labels are saved as files in %1</source>
        <translation>未选择——模拟打印机：标签保存为文件，位于 %1</translation>
    </message>
    <message>
        <source>none chosen — reports are saved as files in %1</source>
        <translation>未选择——报告保存为文件，位于 %1</translation>
    </message>
</context>
<context>
    <name>AdminPeoplePanel</name>
    <message>
        <source>Import people</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>CSV with the columns 卡号/card, 姓名/name, 部门/department, 角色/roles, 电话/phone. Nothing is imported while any line has a problem.</source>
        <translation>CSV 文件，列为 卡号、姓名、部门、角色、电话。只要有一行有问题，就不会导入任何人。</translation>
    </message>
    <message>
        <source>File, e.g. /media/usb/人员.csv</source>
        <translation>文件，例如 /media/usb/人员.csv</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Problems (%1):</source>
        <translation>问题（%1 处）：</translation>
    </message>
    <message>
        <source>Department permissions</source>
        <translation>部门借阅权限</translation>
    </message>
</context>
<context>
    <name>AdminRoomsPanel</name>
    <message>
        <source>Rooms</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>%1 shelves, %2 boxes</source>
        <translation>%1 个架位，%2 盒</translation>
    </message>
    <message>
        <source>Code, e.g. R4</source>
        <translation>编号，例如 R4</translation>
    </message>
    <message>
        <source>Name, e.g. 四号库房</source>
        <translation>名称，例如 四号库房</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>添加库房</translation>
    </message>
    <message>
        <source>Shelves in %1</source>
        <translation>%1 的架位</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Cabinet</source>
        <translation>柜/架</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Pos.</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>盒数</translation>
    </message>
    <message>
        <source>Shelf barcode (scan or type)</source>
        <translation>架位条码（扫描或输入）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Add shelf</source>
        <translation>添加架位</translation>
    </message>
</context>
<context>
    <name>AdminRulesPanel</name>
    <message>
        <source>Loan rules per category</source>
        <translation>各门类借阅规则</translation>
    </message>
    <message>
        <source> · head approval</source>
        <translation> · 需负责人审批</translation>
    </message>
    <message>
        <source>Loan days</source>
        <translation>借期（天）</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>续借次数</translation>
    </message>
    <message>
        <source>In-room only</source>
        <translation>仅限室内查阅</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需审核</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Climate profiles</source>
        <translation>温湿度标准</translation>
    </message>
    <message>
        <source>min</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>max</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>daily swing</source>
        <translation>日波动</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Rooms &amp; shelves</source>
        <translation>库房与架位</translation>
    </message>
    <message>
        <source>Sensors &amp; printers</source>
        <translation>传感器与打印机</translation>
    </message>
    <message>
        <source>Loan rules &amp; climate</source>
        <translation>规则与标准</translation>
    </message>
    <message>
        <source>People &amp; departments</source>
        <translation>人员与部门</translation>
    </message>
    <message>
        <source>Scanner &amp; system</source>
        <translation>扫描枪与系统</translation>
    </message>
</context>
<context>
    <name>AdminSystemPanel</name>
    <message>
        <source>Barcode scanner (keyboard mode)</source>
        <translation>条码扫描枪（键盘模式）</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <source>Max. pause between keys (ms)</source>
        <translation>按键最大间隔（毫秒）</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>最短条码长度</translation>
    </message>
    <message>
        <source>Save scanner settings</source>
        <translation>保存扫描枪设置</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>退出终端模式</translation>
    </message>
</context>
<context>
    <name>ApproverScreen</name>
    <message>
        <source>Waiting for your approval: %1</source>
        <translation>待您审批：%1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>external</source>
        <translation>外单位</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>目的：%1</translation>
    </message>
    <message>
        <source>Note (required to reject)</source>
        <translation>意见（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>没有待您审批的申请。</translation>
    </message>
</context>
<context>
    <name>BorrowerScreen</name>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>My loans (%1)</source>
        <translation>我的借阅（%1）</translation>
    </message>
    <message>
        <source>My requests (%1)</source>
        <translation>我的申请（%1）</translation>
    </message>
    <message numerus="yes">
        <source>You have %n overdue loan(s). Please return them; new loans are blocked until then.</source>
        <translation><numerusform>您有 %n 件逾期未还。请尽快归还，归还前不能再借。</numerusform></translation>
    </message>
    <message>
        <source>Title, archival code, fonds or year</source>
        <translation>题名、档号、全宗或年度</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <source>On site only</source>
        <translation>仅限室内查阅</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可借</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>不可借</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>已逾期（应还 %1）</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>应还 %1</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续借</translation>
    </message>
    <message>
        <source>You have nothing on loan.</source>
        <translation>您目前没有借阅。</translation>
    </message>
    <message>
        <source>waiting for: %1</source>
        <translation>待：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>You have no requests.</source>
        <translation>您没有借阅申请。</translation>
    </message>
    <message>
        <source>Keyboard ▾</source>
        <translation>键盘 ▾</translation>
    </message>
    <message>
        <source>Keyboard ▴</source>
        <translation>键盘 ▴</translation>
    </message>
</context>
<context>
    <name>BoxCard</name>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <source>Year · retention</source>
        <translation>年度 · 保管期限</translation>
    </message>
    <message>
        <source>Box no. · items</source>
        <translation>盒号 · 起止件号</translation>
    </message>
    <message>
        <source>Category · security</source>
        <translation>门类 · 密级</translation>
    </message>
    <message>
        <source>on-site reading only</source>
        <translation>仅限室内查阅</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>not printed yet</source>
        <translation>尚未打印</translation>
    </message>
    <message>
        <source>out of date — reprint</source>
        <translation>已过期，请重新打印</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>最新</translation>
    </message>
</context>
<context>
    <name>ClimateTile</name>
    <message>
        <source>No readings yet</source>
        <translation>暂无读数</translation>
    </message>
    <message>
        <source>Sensor silent</source>
        <translation>传感器无数据</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n 条告警</numerusform></translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Still there? Logging out in %1 s</source>
        <translation>还在吗？%1 秒后自动退出</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续使用</translation>
    </message>
</context>
<context>
    <name>EnvAlertsPanel</name>
    <message>
        <source>Open only</source>
        <translation>只看未结束</translation>
    </message>
    <message>
        <source> (limit %1)</source>
        <translation>（限值 %1）</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>仍在持续</translation>
    </message>
    <message>
        <source>acknowledged by %1: %2</source>
        <translation>%1 已处理：%2</translation>
    </message>
    <message>
        <source>not acknowledged — tap to acknowledge</source>
        <translation>未处理 — 点击确认处理</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>没有报警。</translation>
    </message>
    <message>
        <source>Dehumidifier switched on</source>
        <translation>已开除湿机</translation>
    </message>
    <message>
        <source>Air conditioning adjusted</source>
        <translation>已调整空调</translation>
    </message>
    <message>
        <source>Room ventilated</source>
        <translation>已通风</translation>
    </message>
    <message>
        <source>Sensor checked and replaced</source>
        <translation>已检查并更换传感器</translation>
    </message>
    <message>
        <source>Action taken (required)</source>
        <translation>采取的措施（必填）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认处理</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EnvDashboard</name>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>no readings</source>
        <translation>无读数</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation><numerusform>%n 条未结束报警</numerusform></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Temperature (mean line, min–max shaded; green = allowed, red = excursion)</source>
        <translation>温度（线为平均值，阴影为最低–最高；绿色为允许范围，红色为超限）</translation>
    </message>
    <message>
        <source>No readings in this period</source>
        <translation>此时段没有读数</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <source>TWPI (years)</source>
        <translation>TWPI 保存指数（年）</translation>
    </message>
    <message>
        <source>Mould risk</source>
        <translation>霉变风险</translation>
    </message>
    <message>
        <source>EMC % (metal corrosion)</source>
        <translation>平衡含水率 %（金属腐蚀）</translation>
    </message>
    <message>
        <source>Mechanical damage</source>
        <translation>机械损伤</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Scan a box or your card</source>
        <translation>请扫描档案盒或借阅证</translation>
    </message>
    <message>
        <source>Hold the barcode under the scanner. Staff: scan your card, then enter your PIN.</source>
        <translation>请将条码对准扫描器。工作人员：刷工作证后输入密码。</translation>
    </message>
    <message>
        <source>Or type the code on the label</source>
        <translation>或输入标签上的编号</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Storage rooms</source>
        <translation>库房</translation>
    </message>
</context>
<context>
    <name>KioskKeyboard</name>
    <message>
        <source>Hide ▾</source>
        <translation>收起 ▾</translation>
    </message>
    <message>
        <source>Keep letters</source>
        <translation>确认字母</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
</context>
<context>
    <name>LabelsPanel</name>
    <message>
        <source>label up to date</source>
        <translation>标签最新</translation>
    </message>
    <message>
        <source>label out of date</source>
        <translation>标签已过期</translation>
    </message>
    <message>
        <source>no label yet</source>
        <translation>尚未打印标签</translation>
    </message>
    <message>
        <source>Scan a shelf to print its label or its out-of-date box labels; scan boxes to print their labels together.</source>
        <translation>扫描架位：打印架位标签或该架位上过期的档案盒标签；逐个扫描档案盒：一起打印它们的标签。</translation>
    </message>
    <message>
        <source>Print shelf label</source>
        <translation>打印架位标签</translation>
    </message>
    <message numerus="yes">
        <source>Print %n out-of-date label(s)</source>
        <translation><numerusform>打印 %n 张过期标签</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Print %n scanned box label(s)</source>
        <translation><numerusform>打印已扫描的 %n 盒标签</numerusform></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Boxes on the shelf</source>
        <translation>架位上的档案盒</translation>
    </message>
    <message>
        <source>Shelf %1 (%2): %3 boxes, %4 need a new label.</source>
        <translation>架位 %1（%2）：%3 盒，%4 盒需要新标签。</translation>
    </message>
    <message>
        <source>No shelf scanned yet.</source>
        <translation>尚未扫描架位。</translation>
    </message>
    <message>
        <source>No boxes on this shelf.</source>
        <translation>这个架位上没有档案盒。</translation>
    </message>
    <message>
        <source>Scanned boxes (batch)</source>
        <translation>已扫描的档案盒（批量）</translation>
    </message>
    <message>
        <source>Scan boxes one after another to print their labels as one job.</source>
        <translation>逐个扫描档案盒，它们的标签将作为一个作业一起打印。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Archive-room kiosk</source>
        <translation>档案室自助终端</translation>
    </message>
</context>
<context>
    <name>ManagerExportPanel</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Holdings (CSV)</source>
        <translation>馆藏清单（CSV）</translation>
    </message>
    <message>
        <source>Loans (CSV)</source>
        <translation>借阅记录（CSV）</translation>
    </message>
    <message>
        <source>Overdue (CSV)</source>
        <translation>逾期清单（CSV）</translation>
    </message>
    <message>
        <source>Ledger (CSV)</source>
        <translation>操作台账（CSV）</translation>
    </message>
    <message>
        <source>Climate report, 30 days (PDF)</source>
        <translation>温湿度报告 30 天（PDF）</translation>
    </message>
    <message>
        <source>Climate report, 30 days (CSV)</source>
        <translation>温湿度报告 30 天（CSV）</translation>
    </message>
    <message>
        <source>USB sticks:</source>
        <translation>U 盘：</translation>
    </message>
    <message>
        <source>none found — plug one in and tap Look again</source>
        <translation>未找到 — 插入 U 盘后点“重新查找”</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Folder, e.g. /media/usb/档案导出</source>
        <translation>文件夹，例如 /media/usb/档案导出</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <source>Ledger (tamper check)</source>
        <translation>操作台账（防篡改校验）</translation>
    </message>
    <message>
        <source>Not checked yet in this session.</source>
        <translation>本次登录尚未校验。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行校验……</translation>
    </message>
    <message>
        <source>OK — %1 rows checked, the chain is intact.</source>
        <translation>正常 — 已校验 %1 行，记录链完整。</translation>
    </message>
    <message>
        <source>FAILED at row %1 (%2); %3 rows checked. Call the administrator and keep the database file.</source>
        <translation>校验失败：第 %1 行（%2）；已校验 %3 行。请联系系统管理员，并保留数据库文件。</translation>
    </message>
    <message>
        <source>Could not check: %1</source>
        <translation>无法校验：%1</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>校验台账</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Climate</source>
        <translation>温湿度</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>馆藏统计</translation>
    </message>
    <message>
        <source>Loans &amp; overdue</source>
        <translation>借阅与逾期</translation>
    </message>
    <message>
        <source>Export &amp; ledger</source>
        <translation>导出与台账</translation>
    </message>
</context>
<context>
    <name>PickListPanel</name>
    <message>
        <source>No approved requests are waiting to be fetched.</source>
        <translation>没有待调取的已批准申请。</translation>
    </message>
    <message>
        <source>%1 approved requests, in shelf order. Scan each box you take: %2 of %1 picked.</source>
        <translation>已批准待调卷 %1 项，按架位顺序排列。每取出一盒请扫描：已取 %2 / %1 项。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Taken out by %1 at %2</source>
        <translation>已由 %1 于 %2 取出</translation>
    </message>
    <message>
        <source>Undo tick</source>
        <translation>撤销勾选</translation>
    </message>
    <message>
        <source>Undo the tick of %1?</source>
        <translation>撤销 %1 的勾选？</translation>
    </message>
    <message>
        <source>Undo: wrong box scanned</source>
        <translation>撤销：扫错了档案盒</translation>
    </message>
    <message>
        <source>Undo: box put back on its shelf</source>
        <translation>撤销：档案盒已放回架上</translation>
    </message>
    <message>
        <source>Keep the tick</source>
        <translation>保留勾选</translation>
    </message>
    <message>
        <source>The line goes back to “to be fetched”; the taking out stays in the ledger.</source>
        <translation>此项恢复为“待取”，原取出记录仍保留在台账中。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Purpose (e.g. audit, research, certificate)</source>
        <translation>借阅目的（如审计、编研、出具证明）</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Read on site</source>
        <translation>室内查阅</translation>
    </message>
    <message>
        <source>This category may only be read in the archive room.</source>
        <translation>此门类档案仅限在档案室内查阅。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>⚠ Server unreachable</source>
        <translation>⚠ 服务器无法连接</translation>
    </message>
    <message>
        <source>Reconnecting by itself. Nothing can be saved until it is back.</source>
        <translation>正在自动重连。恢复前无法保存任何操作。</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Batch:</source>
        <translation>批量：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Return many</source>
        <translation>批量归还</translation>
    </message>
    <message>
        <source>Move many</source>
        <translation>批量移库</translation>
    </message>
    <message>
        <source>Batch return: scan each box; each one is checked in as OK.</source>
        <translation>批量归还：逐个扫描档案盒，每盒按“完好”归还。</translation>
    </message>
    <message>
        <source>Batch move: scan the target shelf first.</source>
        <translation>批量移库：请先扫描目标架位。</translation>
    </message>
    <message>
        <source>Batch move to %1: scan each box.</source>
        <translation>批量移库到 %1：逐个扫描档案盒。</translation>
    </message>
    <message>
        <source>Scan a box to see it here.</source>
        <translation>扫描档案盒，在此查看详情。</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Scan the borrower's card</source>
        <translation>请扫描借阅人的借阅证</translation>
    </message>
    <message>
        <source>Or lend it for an approved request:</source>
        <translation>或按已批准的申请借出：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Condition on return</source>
        <translation>归还时状况</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Scan the target shelf</source>
        <translation>请扫描目标架位</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本次操作</translation>
    </message>
    <message>
        <source>Box desk</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <source>Inventory sweep</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>调卷单</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>移交接收</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>StatsHoldingsPanel</name>
    <message>
        <source>Boxes</source>
        <translation>盒数</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Loans in 12 months</source>
        <translation>12 个月借出</translation>
    </message>
    <message>
        <source>Borrowers in 12 months</source>
        <translation>12 个月借阅人数</translation>
    </message>
    <message>
        <source>By fonds</source>
        <translation>按全宗</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按门类</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>按年度</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>按库房</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>StatsLoansPanel</name>
    <message>
        <source>Loans per month</source>
        <translation>每月借阅</translation>
    </message>
    <message>
        <source>loans</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Use per category (12 months)</source>
        <translation>各门类利用（12 个月）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借出次数</translation>
    </message>
    <message>
        <source>Borrowers</source>
        <translation>借阅人数</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>室内查阅</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>没有逾期。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue · due %1 · %2 %3</source>
        <translation><numerusform>逾期 %n 天 · 应还 %1 · %2 %3</numerusform></translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Scan the shelf to sweep, then every box on it.</source>
        <translation>请先扫描要盘点的架位，再逐个扫描架上的档案盒。</translation>
    </message>
    <message>
        <source>Sweeping %1: scan each box on the shelf (%2 scanned).</source>
        <translation>正在盘点 %1：请逐个扫描架上的档案盒（已扫 %2 盒）。</translation>
    </message>
    <message>
        <source>Sweep of %1 saved.</source>
        <translation>%1 的盘点已保存。</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
    <message>
        <source>Finish sweep</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Next shelf</source>
        <translation>下一个架位</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>在架</translation>
    </message>
    <message>
        <source>Missing (flagged)</source>
        <translation>缺失（已标记）</translation>
    </message>
    <message>
        <source>Not scanned yet</source>
        <translation>尚未扫到</translation>
    </message>
    <message>
        <source>Misplaced</source>
        <translation>错架</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Archivist</source>
        <translation>档案员</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>自助借阅</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Archive-room kiosk</source>
        <translation>档案室自助终端</translation>
    </message>
    <message>
        <source>Simulated devices</source>
        <translation>模拟设备</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>climate sensors</source>
        <translation>温湿度传感器</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>No transfer is waiting to be received. Enter the register first (archivectl transfer open).</source>
        <translation>没有待接收的移交。请先登记移交清单（archivectl transfer open）。</translation>
    </message>
    <message>
        <source>Choose the transfer that arrived:</source>
        <translation>请选择送到的移交清单：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Transfer %1 from %2</source>
        <translation>移交 %1 · %2</translation>
    </message>
    <message>
        <source>Register %1 boxes · received %2 · missing %3 · extra %4 · not matching %5</source>
        <translation>清单 %1 盒 · 已收 %2 · 缺 %3 · 多 %4 · 不符 %5</translation>
    </message>
    <message>
        <source>Scan the boxes that arrived, then the shelf where they go.</source>
        <translation>请逐个扫描送来的档案盒，再扫描要上架的架位。</translation>
    </message>
    <message>
        <source>Received boxes go to %1</source>
        <translation>接收的档案盒上架到 %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>extra, not on the register</source>
        <translation>多出，清单上没有</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>尚未送到</translation>
    </message>
    <message>
        <source>Sign for it</source>
        <translation>签收确认</translation>
    </message>
    <message>
        <source>Note on the differences (required if any)</source>
        <translation>差异说明（有差异时必填）</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Sign and accept</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Import register</source>
        <translation>导入清单</translation>
    </message>
    <message>
        <source>Register file: CSV with the columns 档号, 题名, 年度, 页数, 盒条码 (UTF-8 or GB18030).</source>
        <translation>清单文件：CSV，列为 档号、题名、年度、页数、盒条码（UTF-8 或 GB18030）。</translation>
    </message>
    <message>
        <source>File, e.g. /media/usb/移交清单.csv</source>
        <translation>文件，例如 /media/usb/移交清单.csv</translation>
    </message>
    <message>
        <source>Transfer number</source>
        <translation>移交单号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>移交人</translation>
    </message>
    <message>
        <source>Their head of department</source>
        <translation>移交部门负责人</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>