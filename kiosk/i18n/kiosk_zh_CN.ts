<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Rooms, shelves, sensors, printers, loan rules and people are managed with archivectl for now.</source>
        <translation>库房、架位、传感器、打印机、借阅规则和人员目前通过 archivectl 管理。</translation>
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
    <name>ManagerScreen</name>
    <message>
        <source>Storage rooms</source>
        <translation>库房</translation>
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
<context>
    <name>Workspace</name>
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
</TS>