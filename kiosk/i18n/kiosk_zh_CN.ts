<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminDevicesPanel</name>
    <message>
        <source>ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>printing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>out of labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paper jam</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cover open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sensors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last reading %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move</source>
        <translation>移库</translation>
    </message>
    <message>
        <source>No sensors yet. Plug one in; it appears here after its first reading.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Label stocks</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminPeoplePanel</name>
    <message>
        <source>Import people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV with the columns 卡号/card, 姓名/name, 部门/department, 角色/roles, 电话/phone. Nothing is imported while any line has a problem.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File, e.g. /media/usb/人员.csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems (%1):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Department permissions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminRoomsPanel</name>
    <message>
        <source>Rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 shelves, %2 boxes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code, e.g. R4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name, e.g. 四号库房</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shelves in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Cabinet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shelf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Boxes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shelf barcode (scan or type)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add shelf</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminRulesPanel</name>
    <message>
        <source>Loan rules per category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> · head approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loan days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renewals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In-room only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Climate profiles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>daily swing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Rooms &amp; shelves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sensors &amp; printers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loan rules &amp; climate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People &amp; departments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scanner &amp; system</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminSystemPanel</name>
    <message>
        <source>Barcode scanner (keyboard mode)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suffix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Max. pause between keys (ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shortest code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save scanner settings</source>
        <translation type="unfinished" />
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
        <source>Temperature too high</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature too low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Humidity too high</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Humidity too low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature swings too much</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Humidity swings too much</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sensor silent</source>
        <translation>传感器无数据</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (limit %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>still open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>acknowledged by %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not acknowledged — tap to acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No alerts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dehumidifier switched on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Air conditioning adjusted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Room ventilated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sensor checked and replaced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action taken (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no readings</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature (mean line, min–max shaded; green = allowed, red = excursion)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No readings in this period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relative humidity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TWPI (years)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mould risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>EMC % (metal corrosion)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mechanical damage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holdings (CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loans (CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue (CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ledger (CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Climate report, 30 days (PDF)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Climate report, 30 days (CSV)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USB sticks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none found — plug one in and tap Look again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder, e.g. /media/usb/档案导出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ledger (tamper check)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not checked yet in this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK — %1 rows checked, the chain is intact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FAILED at row %1 (%2); %3 rows checked. Call the administrator and keep the database file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not check: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verify ledger</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Climate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holdings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loans &amp; overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export &amp; ledger</source>
        <translation type="unfinished" />
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
</context>
<context>
    <name>StatsHoldingsPanel</name>
    <message>
        <source>Boxes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On loan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loans in 12 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Borrowers in 12 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By fonds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By year</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatsLoansPanel</name>
    <message>
        <source>Loans per month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>loans</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use per category (12 months)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loans</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Borrowers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On-site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 %2 · due %3 · %n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation type="unfinished" />
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
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
</context>
</TS>