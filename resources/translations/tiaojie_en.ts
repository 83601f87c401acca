<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/about.py" line="21"/>
        <source>LGPL-3.0（动态链接）</source>
        <translation>LGPL-3.0 (dynamically linked)</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="47"/>
        <source>调解超市前台 %1</source>
        <translation>Mediation Centre Front Desk %1</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="62"/>
        <source>（未找到字体许可说明）</source>
        <translation>(font licence notice not found)</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="66"/>
        <source>**本安装包附带的字体：** %1</source>
        <translation>**Fonts in this installation:** %1</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="69"/>
        <source>**未附带：** %1（下文中关于它的说明不适用于本安装包；其中的生僻字打印时会提示缺字）</source>
        <translation>**Not included:** %1 (what the notice below says about it does not apply to this installation; printing warns about rare characters it would have covered)</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="78"/>
        <source>关于调解超市前台</source>
        <translation>About Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="86"/>
        <source>字体许可</source>
        <translation>Font licences</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="88"/>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="88"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="91"/>
        <source>第三方组件</source>
        <translation>Third-party components</translation>
    </message>
</context>
<context>
    <name>AgreementEditorScreen</name>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="92"/>
        <source>%1（代理%2）</source>
        <translation>%1 (agent for %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="94"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="159"/>
        <source>如：承担事故主要责任</source>
        <translation>e.g. primarily responsible for the accident</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="192"/>
        <source>案件编号或当事人姓名（回车打开）</source>
        <translation>Case number or party name (Enter to open)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="201"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="208"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="209"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="219"/>
        <source>书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="220"/>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="228"/>
        <source>纠纷的主要事实（时间、地点、经过、损失）</source>
        <translation>Main facts of the dispute (time, place, course of events, losses)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="229"/>
        <source>争议事项，如：赔偿数额</source>
        <translation>Matters in dispute, e.g. amount of compensation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="230"/>
        <source>如：被申请人于签订协议当日以银行转账方式支付</source>
        <translation>e.g. The respondent pays by bank transfer on the day the agreement is signed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="234"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="271"/>
        <source>协议形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="272"/>
        <source>达成日期</source>
        <translation>Date reached</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="273"/>
        <source>主要事实</source>
        <translation>Main facts</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="274"/>
        <source>争议事项</source>
        <translation>Matters in dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="277"/>
        <location filename="../../desktop/screens/agreement_editor.py" line="495"/>
        <source>各方责任</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="282"/>
        <source>协议条款</source>
        <translation>Terms</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="285"/>
        <source>添加条款</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="293"/>
        <source>履行方式、金额和期限</source>
        <translation>Performance: method, amount and time limits</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="296"/>
        <source>履行方式</source>
        <translation>Method of performance</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="300"/>
        <source>协议金额</source>
        <translation>Agreed amount</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="308"/>
        <source>期次</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="308"/>
        <source>应付日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="308"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="309"/>
        <source>付款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="309"/>
        <source>收款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="313"/>
        <source>分期支付</source>
        <translation>Pay in instalments</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="320"/>
        <source>添加一期</source>
        <translation>Add instalment</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="326"/>
        <source>签名登记（人民调解法第二十九条）</source>
        <translation>Signatures (People&apos;s Mediation Law, Art. 29)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="330"/>
        <source>调解员已签名，已加盖人民调解委员会印章</source>
        <translation>Mediator has signed; committee seal affixed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="333"/>
        <source>签名日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="336"/>
        <source>登记签名</source>
        <translation>Record signatures</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="338"/>
        <source>协议生效，结案</source>
        <translation>Agreement in force, close case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="339"/>
        <source>各方签名后登记协议生效，案件状态改为“达成协议”</source>
        <translation>Once all parties have signed, records the agreement as in force and sets the case to “Agreement reached”</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="357"/>
        <location filename="../../desktop/screens/agreement_editor.py" line="654"/>
        <source>保存协议</source>
        <translation>Save agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="361"/>
        <location filename="../../desktop/screens/agreement_editor.py" line="655"/>
        <source>打印协议书…</source>
        <translation>Print agreement…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="362"/>
        <source>按当事人人数加一打印，每份标明持有人（Ctrl+P）</source>
        <translation>Prints one copy per party plus one, each marked with its holder (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="416"/>
        <source>没有可制作协议的案件</source>
        <translation>No cases ready for an agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="424"/>
        <source>没有找到案件：%1</source>
        <translation>Case not found: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="442"/>
        <location filename="../../desktop/screens/agreement_editor.py" line="705"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="443"/>
        <source>%1&#x3000;%2·%3&#x3000;（%4）</source>
        <translation>%1 — %2 · %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="468"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="469"/>
        <source>责任</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="471"/>
        <source>责任比例</source>
        <translation>Share of liability</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="494"/>
        <source>各方责任（交通事故、医疗纠纷填写责任比例，合计 100%）</source>
        <translation>Responsibility of each party (traffic and medical cases: give shares of liability totalling 100%)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="504"/>
        <source> 已签名、按指印</source>
        <translation> signed and fingerprinted</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="504"/>
        <source> 已盖章、代表人已签名</source>
        <translation> sealed and signed by representative</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="518"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="599"/>
        <source>%1、</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="602"/>
        <source>第%1期</source>
        <translation>Instalment %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="624"/>
        <source>大写：%1</source>
        <translation>In Chinese capitals: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="629"/>
        <source>分期金额有误</source>
        <translation>Instalment amounts are wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="631"/>
        <source>&#x3000;各期合计 %1 元</source>
        <translation>Instalments total %1 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="633"/>
        <source>%1&#x3000;✓ 与各期合计 %2 元一致</source>
        <translation>%1 · ✓ matches the instalments&apos; total of %2 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="635"/>
        <source>%1&#x3000;各期合计 %2 元，与协议金额不一致</source>
        <translation>%1 · the instalments total %2 yuan, which differs from the agreed amount</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="646"/>
        <source>责任比例应为 0 到 100 之间的数字</source>
        <translation>Shares of liability must be numbers from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="649"/>
        <source>合计 %1%</source>
        <translation>Total %1%</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="654"/>
        <source>登记口头协议（即时生效）</source>
        <translation>Record oral agreement (in force at once)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="655"/>
        <source>打印登记表…</source>
        <translation>Print record form…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="692"/>
        <source>本协议已于%1生效（%2），不能再修改；可以打印。</source>
        <translation>This agreement came into force on %1 (%2) and can no longer be changed; it can be printed.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="696"/>
        <source>案件当前状态为“%1”，只有已受理或调解中的案件可以制作调解协议。</source>
        <translation>The case is “%1”; a mediation agreement can only be drawn up for cases that are accepted or in mediation.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="699"/>
        <source>只能查看：制作协议须由本委员会的调解员办理。</source>
        <translation>Read only: agreements are drawn up by a mediator of this committee.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="701"/>
        <source>书面协议经各方当事人签名（盖章或按指印）、调解员签名并加盖印章后生效；口头协议自达成之日起生效（《人民调解法》第二十八条至第三十条）。</source>
        <translation>A written agreement comes into force once every party has signed (or sealed or fingerprinted) it and the mediator has signed it and affixed the seal; an oral agreement is in force from the day it is reached (People&apos;s Mediation Law, Arts. 28–30).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="706"/>
        <source>尚未签名：%1</source>
        <translation>Not yet signed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="708"/>
        <source>各方均已签名。</source>
        <translation>All parties have signed.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="710"/>
        <source>保存书面协议后登记签名。</source>
        <translation>Save the written agreement, then record the signatures.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="749"/>
        <source>本案有 %1 未保存的协议草稿（%2）。恢复后可继续编辑并保存。</source>
        <translation>This case has an unsaved agreement draft from %1 (%2). Restore it to continue editing and save.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="788"/>
        <source>已恢复草稿，保存后生效。</source>
        <translation>Draft restored; it takes effect once saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="829"/>
        <source>口头协议已登记，自%1起生效，案件已结案（达成协议）。</source>
        <translation>Oral agreement recorded, in force from %1; the case is closed (agreement reached).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="833"/>
        <source>协议已保存。</source>
        <translation>Agreement saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="835"/>
        <source>内容有改动，已登记的签名作废，请重新打印并签名。</source>
        <translation>The text has changed: recorded signatures are void. Please print and sign again.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="861"/>
        <source>签名已登记。</source>
        <translation>Signatures recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="861"/>
        <source>各方均已签名，可以登记协议生效。</source>
        <translation>All parties have signed; the agreement can be recorded as in force.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="876"/>
        <source>协议已于%1生效，案件已结案。</source>
        <translation>The agreement came into force on %1; the case is closed.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="878"/>
        <source>如需司法确认，应于%1前共同向人民法院申请。</source>
        <translation>For judicial confirmation, the parties must apply jointly to the people&apos;s court by %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="893"/>
        <source>正在生成%1…</source>
        <translation>Generating %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="916"/>
        <source>已打印，PDF 已保存到案件附件。</source>
        <translation>Printed; the PDF is saved in the case attachments.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="79"/>
        <source>调解超市前台</source>
        <translation>Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="231"/>
        <source>无法启动</source>
        <extracomment>Whether the latest imports still wait for :func:`settle_imports` (a login that was waiting for the database goes ahead first: the main window shows, then they are settled). After the main window&apos;s first paint and first page of data, before the user&apos;s first click.</extracomment>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="286"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
</context>
<context>
    <name>Appointment</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="343"/>
        <source>%1 %2&#x3000;%3</source>
        <translation>%1 %2  %3</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="350"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="353"/>
        <source>调解员：%1</source>
        <translation>Mediators: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="355"/>
        <source>专家：%1</source>
        <translation>Experts: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="356"/>
        <source>邀请：%1</source>
        <translation>Invited: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="359"/>
        <source>状态：%1（%2）</source>
        <translation>Status: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="361"/>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="363"/>
        <source>事由：%1</source>
        <translation>Purpose: %1</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="512"/>
        <source>预约详情</source>
        <translation>Appointment details</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="522"/>
        <source>改期(&amp;R)…</source>
        <translation>&amp;Reschedule…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="523"/>
        <source>取消预约(&amp;C)…</source>
        <translation>&amp;Cancel appointment…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="524"/>
        <source>打印调解通知书(&amp;P)</source>
        <translation>&amp;Print mediation notice</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="525"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="549"/>
        <source>已改期至 </source>
        <translation>Rescheduled to </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="556"/>
        <source>已取消预约</source>
        <translation>Appointment cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="565"/>
        <source>正在生成调解通知书…</source>
        <translation>Generating mediation notice…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="568"/>
        <source>调解通知书已保存：</source>
        <translation>Mediation notice saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="572"/>
        <source>生成失败：</source>
        <translation>Could not generate: </translation>
    </message>
</context>
<context>
    <name>AppointmentTableModel</name>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="103"/>
        <source>取消原因：</source>
        <translation>Reason for cancellation: </translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="105"/>
        <source>%1（%2）：%3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../desktop/screens/audit.py" line="177"/>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="178"/>
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="180"/>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="182"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="186"/>
        <source>全部对象</source>
        <translation>All objects</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="189"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="192"/>
        <source>说明、用户或变更内容中的关键词（Ctrl+F）</source>
        <translation>Keyword in description, user or changes (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="201"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="231"/>
        <location filename="../../desktop/screens/audit.py" line="347"/>
        <source>选择一条记录查看变更前后的内容</source>
        <translation>Select an entry to see the values before and after</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="246"/>
        <source>变更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="247"/>
        <source>变更后</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="316"/>
        <source>起始日期不能晚于截止日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="330"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/audit.py" line="330"/>
        <location filename="../../desktop/screens/audit.py" line="337"/>
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="354"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="358"/>
        <source>工作站 %1</source>
        <translation>Workstation %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="360"/>
        <source>&#x3000;</source>
        <translation>  </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="362"/>
        <source>变更字段：%1</source>
        <translation>Changed fields: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="363"/>
        <location filename="../../desktop/screens/audit.py" line="364"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="393"/>
        <source>%1（清空：选最早日期）</source>
        <translation>%1 (to clear: pick the earliest date)</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/screens/audit.py" line="66"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="67"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="68"/>
        <source>类别</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="69"/>
        <source>操作代码</source>
        <translation>Action code</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="70"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="71"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/audit.py" line="72"/>
        <source>工作站</source>
        <translation>Workstation</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../desktop/screens/stats.py" line="285"/>
        <source>单击柱形查看案件明细</source>
        <extracomment>Low enough for the committees&apos; table with all its rows above the charts in a maximised window on a 1366×768 screen (≈ 700 pixels under the taskbar).</extracomment>
        <translation>Click a bar to see the cases</translation>
    </message>
</context>
<context>
    <name>BookingScreen</name>
    <message>
        <location filename="../../desktop/screens/booking.py" line="121"/>
        <source>%1 %2–%3 %4</source>
        <translation>%1 %2–%3 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="124"/>
        <source>%1（换调解室）</source>
        <translation>%1 (another room)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="154"/>
        <source>输入案号或当事人姓名查找案件</source>
        <translation>Find a case by case number or party name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="159"/>
        <location filename="../../desktop/screens/booking.py" line="737"/>
        <source>未选择案件</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="175"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="181"/>
        <source>（请选择调解室）</source>
        <translation>(Choose a room)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="183"/>
        <location filename="../../desktop/screens/booking.py" line="498"/>
        <location filename="../../desktop/screens/booking.py" line="539"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="191"/>
        <source>专家姓名、拼音首字母或专长</source>
        <translation>Expert name, pinyin initials or speciality</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="200"/>
        <source>如：第1次调解、现场调解、司法确认前调解</source>
        <translation>e.g. 1st session, on-site mediation, mediation before judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="210"/>
        <source>预约 (Ctrl+S)</source>
        <translation>Book (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="213"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="218"/>
        <source>打印调解通知书 (Ctrl+P)</source>
        <translation>Print mediation notice (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="225"/>
        <location filename="../../desktop/screens/booking.py" line="604"/>
        <location filename="../../desktop/screens/booking.py" line="671"/>
        <source>请选择案件</source>
        <translation>Please choose a case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="234"/>
        <source>单击（或回车）把该时间填入表单</source>
        <translation>Click (or press Enter) to put this time into the form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="274"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="282"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="283"/>
        <source>调解室</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="285"/>
        <source>调解员（本委员会在前）</source>
        <translation>Mediators (this committee first)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="286"/>
        <source>专家（须经当事人同意）</source>
        <translation>Experts (need the parties&apos; consent)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="292"/>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="293"/>
        <source>邀请当事人</source>
        <translation>Invite parties</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="294"/>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="305"/>
        <source>冲突检查</source>
        <translation>Conflict check</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="310"/>
        <source>可选时间（单击填入表单）</source>
        <translation>Free times (click to fill in)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="385"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="387"/>
        <source>%1&#x3000;%2［%3］</source>
        <translation>%1  %2 [%3]</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="395"/>
        <source>没有找到匹配的案件</source>
        <translation>No matching case found</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="469"/>
        <source>已恢复 %1 未完成的预约，核对后按 Ctrl+S 预约。</source>
        <translation>Restored the booking left unfinished at %1: check it, then press Ctrl+S to book.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="482"/>
        <source>%1&#x3000;%2&#x3000;%3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="490"/>
        <source>本案调解员</source>
        <translation>Case mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="490"/>
        <source>%1（本案）</source>
        <translation>%1 (this case)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="492"/>
        <source>本委员会</source>
        <translation>This committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="492"/>
        <source>%1（本委员会）</source>
        <translation>%1 (this committee)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="538"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="585"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="593"/>
        <source>检查失败：</source>
        <translation>Check failed: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/booking.py" line="609"/>
        <source>✖ 有 %n 项冲突，不能预约</source>
        <translation>
            <numerusform>✖ %n conflict, cannot book</numerusform>
            <numerusform>✖ %n conflicts, cannot book</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="612"/>
        <source>请补全表单（见左侧提示）</source>
        <translation>Please complete the form (see the hints on the left)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="616"/>
        <source>✔ 调解室和人员均空闲，可以预约：%1</source>
        <translation>✔ Room and people are free; you can book: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="689"/>
        <source>已预约：%1&#x3000;%2–%3&#x3000;%4&#x3000;调解员：%5&#x3000;邀请：%6</source>
        <translation>Booked: %1  %2–%3  %4  Mediators: %5  Invited: %6</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="634"/>
        <source>10个工作日内没有同一批人员都空闲的时间</source>
        <translation>No time within 10 working days when all these people are free</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="687"/>
        <source>✔ 已预约</source>
        <translation>✔ Booked</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="697"/>
        <source>可打印调解通知书（每位当事人一页）。</source>
        <translation>You can print the mediation notice (one page per party).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="705"/>
        <source>预约未成功：所选时间有冲突，请从右侧“可选时间”中另选。</source>
        <translation>Not booked: the chosen time has conflicts. Please pick another from “Free times” on the right.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="708"/>
        <source>预约未成功：请按提示补全表单。</source>
        <translation>Not booked: please complete the form as indicated.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="710"/>
        <source>预约未成功：</source>
        <translation>Not booked: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="718"/>
        <source>正在生成调解通知书…</source>
        <translation>Generating mediation notice…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="721"/>
        <source>调解通知书已保存：</source>
        <translation>Mediation notice saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/booking.py" line="725"/>
        <source>生成失败：</source>
        <translation>Could not generate: </translation>
    </message>
</context>
<context>
    <name>CalendarDay</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="337"/>
        <source>M月d日 dddd</source>
        <translation>ddd d MMM</translation>
    </message>
</context>
<context>
    <name>CallDisplayScreen</name>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="38"/>
        <source>呼叫中</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="39"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="40"/>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="41"/>
        <source>过号</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="42"/>
        <source>已转</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="43"/>
        <source>待重呼</source>
        <translation>To recall</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="107"/>
        <source>在副屏全屏显示  F11</source>
        <translation>Full screen on second monitor  F11</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="122"/>
        <location filename="../../desktop/screens/call_display.py" line="302"/>
        <source>正在叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="124"/>
        <location filename="../../desktop/screens/call_display.py" line="311"/>
        <source>请</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="128"/>
        <location filename="../../desktop/screens/call_display.py" line="312"/>
        <source>号</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="160"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="256"/>
        <source>正在叫号（暂时无法连接数据库，正在重试…）</source>
        <translation>Now calling (database unavailable, retrying…)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="301"/>
        <source>人民调解中心</source>
        <translation>People&apos;s Mediation Centre</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="307"/>
        <source>请取号等候</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="309"/>
        <source>叫到您的号码时，请到对应窗口办理</source>
        <translation>When called, please go to the window shown</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="314"/>
        <source>到 %1 办理</source>
        <translation>go to %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="322"/>
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="323"/>
        <source>%1 %2 人</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="325"/>
        <source>当前等候：</source>
        <translation>Waiting: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="325"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="325"/>
        <source>&#x3000;·&#x3000;</source>
        <translation>  ·  </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/call_display.py" line="326"/>
        <source>叫号%n次未到视为过号，请到服务台重新取号</source>
        <translation>
            <numerusform>Missed after %n call — take a new ticket at the desk</numerusform>
            <numerusform>Missed after %n calls — take a new ticket at the desk</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="337"/>
        <source>yyyy年MM月dd日&#x3000;dddd&#x3000;HH:mm:ss</source>
        <translation>ddd d MMM yyyy   HH:mm:ss</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/call_display.py" line="417"/>
        <source>叫号大屏</source>
        <translation>Call display</translation>
    </message>
</context>
<context>
    <name>CaseDetailScreen</name>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="230"/>
        <source>输入案号或当事人姓名，回车打开（Ctrl+F）</source>
        <translation>Case number or party name, Enter to open (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="318"/>
        <source>记录当事人意见…</source>
        <translation>Record parties&apos; views…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="324"/>
        <source>当事人意见（公开调解、延长期限、医疗纠纷申请）</source>
        <translation>Parties&apos; views (public mediation, extension, medical dispute application)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="329"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="335"/>
        <source>新建调解记录（Ctrl+N）</source>
        <translation>New session record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="337"/>
        <source>修改所选记录</source>
        <translation>Edit selected record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="347"/>
        <source>调解记录</source>
        <translation>Session records</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="355"/>
        <source>编辑协议…</source>
        <translation>Edit agreement…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="368"/>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="376"/>
        <source>登记付款…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="389"/>
        <source>履行</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="394"/>
        <source>登记回访…</source>
        <translation>Record follow-up…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="404"/>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="413"/>
        <source>添加文件…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="415"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="424"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="432"/>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="437"/>
        <source>状态历史</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="447"/>
        <source>没有找到符合的案件</source>
        <translation>No matching case found</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="501"/>
        <source>没有可显示的案件</source>
        <translation>No case to show</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="526"/>
        <source>扫描件、照片或 PDF，单个文件不超过%1</source>
        <translation>Scans, photos or PDF, at most %1 per file</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="481"/>
        <location filename="../../desktop/screens/case_detail.py" line="572"/>
        <source>登记 %1</source>
        <translation>Registered %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="117"/>
        <source>医疗纠纷案件的详情（案情、当事人信息、调解记录和文书）仅限医患纠纷人民调解委员会的调解员和中心主任查看（个人信息保护法第二十八条：医疗信息属于敏感个人信息）</source>
        <translation>The details of a medical dispute (facts, parties, session records and documents) are visible only to the mediators of the Medical Dispute Committee and the centre director (Personal Information Protection Law, Art. 28: medical information is sensitive personal information)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="127"/>
        <source>受理后开始计算调解期限；受理人为承办调解员。</source>
        <translation>The mediation time limit runs from acceptance; whoever accepts the case is its mediator.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="128"/>
        <source>开始调解（填写第一份调解记录时会自动开始）。</source>
        <translation>Start mediating (this also happens by itself when the first session record is filled in).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="129"/>
        <source>书面协议经各方当事人签名（盖章或按指印）、调解员签名并加盖调解委员会印章后生效（人民调解法第二十九条）；口头协议自达成之日起生效（第三十条）。达成协议后将自动安排回访。</source>
        <translation>A written agreement takes effect once every party has signed (or sealed, or fingerprinted) it and the mediator has signed it under the committee&apos;s seal (People&apos;s Mediation Law, Art. 29); an oral agreement takes effect when it is reached (Art. 30). A follow-up visit is scheduled automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="131"/>
        <source>调解不成的，应当终止调解，并告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）。</source>
        <translation>When mediation fails it ends, and the parties are told they may protect their rights through arbitration, administrative or judicial channels (People&apos;s Mediation Law, Art. 26).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="132"/>
        <source>终止调解并告知当事人其他救济途径（人民调解法第二十三条、第二十六条）。</source>
        <translation>End the mediation and tell the parties their other remedies (People&apos;s Mediation Law, Arts. 23 and 26).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="133"/>
        <source>申请人撤回调解申请。</source>
        <translation>The applicant withdraws the application for mediation.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="134"/>
        <source>当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）。</source>
        <translation>A dispute may not be mediated when one party expressly refuses (People&apos;s Mediation Law, Art. 17).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="135"/>
        <source>全部款项付清后会自动登记履行完毕；无给付内容的协议在此手工登记。</source>
        <translation>An agreement is recorded as performed by itself once everything is paid; an agreement with nothing to pay is recorded here by hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="136"/>
        <source>将案件材料立卷归档（人民调解法第二十七条）。</source>
        <translation>File the case papers in the archive (People&apos;s Mediation Law, Art. 27).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="138"/>
        <source>道路交通事故案件终止调解后，当事人可在终止之日起3日内一致书面申请公安机关交通管理部门调解（《道路交通事故处理程序规定》第八十五条）。</source>
        <translation>After mediation of a road traffic accident ends, the parties may jointly apply in writing, within 3 days of the end, for mediation by the traffic police (Road Traffic Accident Handling Procedures, Art. 85).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="482"/>
        <source>。本页只显示案号、状态和登记日期；如需了解案情，请联系医患纠纷人民调解委员会。</source>
        <translation>. This page shows only the case number, status and registration date; for the details of the case, please contact the Medical Dispute People&apos;s Mediation Committee.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="484"/>
        <source>无权查看此案件</source>
        <translation>You may not view this case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="546"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="548"/>
        <source>显示完整证件号码（将记入审计日志）</source>
        <translation>Show the full ID number (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="574"/>
        <source>受理 %1</source>
        <translation>Accepted %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="576"/>
        <source>办结 %1</source>
        <translation>Concluded %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="578"/>
        <source>调解员 %1</source>
        <translation>Mediator %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="580"/>
        <source>涉案金额 %1 元</source>
        <translation>Amount in dispute %1 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="583"/>
        <source>尚未记录双方申请或同意</source>
        <translation>Joint application or consent not yet recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="584"/>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="588"/>
        <source>办结原因：</source>
        <translation>Reason for conclusion: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="600"/>
        <source>%1：</source>
        <translation>%1: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="601"/>
        <location filename="../../desktop/screens/case_detail.py" line="693"/>
        <location filename="../../desktop/screens/case_detail.py" line="720"/>
        <location filename="../../desktop/screens/case_detail.py" line="1004"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="606"/>
        <source>暂定：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算，请以国务院公布的安排为准</source>
        <translation>Provisional: the time limit runs into a year whose public holidays have not been announced yet, so it is computed from weekends and statutory holidays; the State Council&apos;s announcement prevails</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="608"/>
        <source>尚未受理，调解期限未开始计算</source>
        <translation>Not yet accepted; the mediation time limit has not started</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="610"/>
        <source>进行中</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="611"/>
        <source>暂停：%1 至 %2（%3）</source>
        <translation>Paused: %1 to %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="614"/>
        <source>延长%n个工作日（%1双方同意）</source>
        <translation>
            <numerusform>Extended by %n working day (both parties agreed on %1)</numerusform>
            <numerusform>Extended by %n working days (both parties agreed on %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="615"/>
        <source>延长%n日（%1双方同意）</source>
        <translation>
            <numerusform>Extended by %n day (both parties agreed on %1)</numerusform>
            <numerusform>Extended by %n days (both parties agreed on %1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="618"/>
        <location filename="../../desktop/screens/case_detail.py" line="771"/>
        <location filename="../../desktop/screens/case_detail.py" line="994"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="619"/>
        <source>当事人可于%1%2前共同书面申请公安机关交通管理部门调解（《道路交通事故处理程序规定》第八十五条）</source>
        <translation>The parties may jointly apply in writing to the traffic police for mediation by %1%2 (Road Traffic Accident Handling Procedures, Art. 85)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="624"/>
        <source>申请司法确认期限：%1（人民调解法第三十三条，协议生效之日起30日内）</source>
        <translation>Apply for judicial confirmation by %1 (People&apos;s Mediation Law, Art. 33: within 30 days of the agreement taking effect)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="649"/>
        <source>尚有%n期款项未付清；付清最后一期时自动登记履行完毕</source>
        <translation>
            <numerusform>%n instalment still unpaid; full performance is recorded when it is paid</numerusform>
            <numerusform>%n instalments still unpaid; full performance is recorded when the last one is paid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="778"/>
        <source>已安排回访%n次。</source>
        <translation>
            <numerusform>%n follow-up scheduled.</numerusform>
            <numerusform>%n follow-ups scheduled.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="656"/>
        <source>鉴定结束，恢复计算…</source>
        <translation>Assessment over, resume…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="658"/>
        <source>医疗损害鉴定，暂停计算…</source>
        <translation>Medical damage assessment, pause…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="660"/>
        <source>延长期限…</source>
        <translation>Extend time limit…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="665"/>
        <source>改派委员会…</source>
        <translation>Transfer to another committee…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="678"/>
        <source>尚未制作调解协议。</source>
        <translation>No mediation agreement yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="681"/>
        <source>协议金额</source>
        <translation>Agreed amount</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="681"/>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="682"/>
        <source>达成日期</source>
        <translation>Date reached</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="683"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="683"/>
        <source>未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="684"/>
        <source>最后履行期限</source>
        <translation>Final performance deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="684"/>
        <source>履行完毕</source>
        <translation>Performed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="688"/>
        <source>协议内容</source>
        <translation>Terms of the agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="692"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="695"/>
        <source>&lt;b&gt;已签名：&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;Signed:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="699"/>
        <source>&lt;b&gt;尚未签名：&lt;/b&gt;%1（人民调解法第二十九条：各方当事人签名、盖章或按指印，调解员签名并加盖印章后生效）</source>
        <translation>&lt;b&gt;Not yet signed:&lt;/b&gt; %1 (People&apos;s Mediation Law, Art. 29: the agreement takes effect once every party has signed, sealed or fingerprinted it and the mediator has signed it and affixed the seal)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="702"/>
        <source>司法确认：%1向%2申请，%3确认</source>
        <translation>Judicial confirmation: applied for at %2 on %1, confirmed on %3</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="703"/>
        <source>司法确认：%1向%2申请</source>
        <translation>Judicial confirmation: applied for at %2 on %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="740"/>
        <source>申请方式</source>
        <translation>How applied</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="744"/>
        <source>同意调解的一方</source>
        <translation>Party consenting to mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="747"/>
        <source>医疗纠纷须双方共同申请，或一方申请、另一方同意（《医疗纠纷预防和处理条例》第三十一条）。</source>
        <translation>A medical dispute needs a joint application, or one side applying with the other&apos;s consent (Medical Dispute Regulation, Art. 31).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="769"/>
        <source>案件已%1。</source>
        <translation>Case is now %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="772"/>
        <source>当事人可于%1%2前共同书面申请公安机关交通管理部门调解（第八十五条）。</source>
        <translation>The parties may jointly apply in writing to the traffic police for mediation by %1%2 (Art. 85).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="775"/>
        <source>请告知当事人可于%1前共同申请司法确认（人民调解法第三十三条）。</source>
        <translation>Please tell the parties they may jointly apply for judicial confirmation by %1 (People&apos;s Mediation Law, Art. 33).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="784"/>
        <source>改派到其他调解委员会</source>
        <translation>Transfer to another mediation committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="785"/>
        <source>案号不变；原委员会指定的调解员随之取消，由新委员会重新指定。改派理由记入案件历史。</source>
        <translation>The case number stays the same; the mediator assigned by the previous committee is removed and the new committee assigns one. The reason for the transfer is recorded in the case history.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="790"/>
        <source>改派到</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="791"/>
        <source>改派理由</source>
        <translation>Reason for transfer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="792"/>
        <source>如：经了解系医疗过程中发生的纠纷，应由医患纠纷调委会受理</source>
        <translation>e.g. the dispute turned out to have arisen during medical treatment and belongs to the medical dispute committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="799"/>
        <source>已改派至%1。</source>
        <translation>Transferred to %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="804"/>
        <source>医疗损害鉴定 — 暂停计算期限</source>
        <translation>Medical damage assessment — pause time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="805"/>
        <source>医疗损害鉴定期间不计入30个工作日的调解期限（《医疗纠纷预防和处理条例》第三十四条、第三十八条）。</source>
        <translation>Time spent on a medical damage assessment does not count towards the 30-working-day mediation time limit (Medical Dispute Regulation, Arts. 34 and 38).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="806"/>
        <source>鉴定开始日</source>
        <translation>Assessment started on</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="807"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="807"/>
        <source>医疗损害鉴定</source>
        <translation>Medical damage assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="811"/>
        <source>已暂停计算调解期限。</source>
        <translation>Mediation time limit paused.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="815"/>
        <source>鉴定结束 — 恢复计算期限</source>
        <translation>Assessment over — resume time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="816"/>
        <source>鉴定结束之日也不计入期限，次日起恢复计算。</source>
        <translation>The day the assessment ends does not count either; the time limit resumes the next day.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="817"/>
        <source>鉴定结束日</source>
        <translation>Assessment ended on</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="821"/>
        <source>已恢复计算调解期限，新的期限：%1。</source>
        <translation>Mediation time limit resumed; new deadline: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="826"/>
        <source>个工作日</source>
        <translation>
            <numerusform> working day</numerusform>
            <numerusform> working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/case_detail.py" line="826"/>
        <source>日</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="828"/>
        <source>延长调解期限须经双方当事人同意，请先在“当事人”页记录各方的同意意见。</source>
        <translation>Extending the time limit needs the consent of both sides: first record each party&apos;s consent on the “Parties” tab.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="834"/>
        <source>调解期限已延长至%1。</source>
        <translation>Mediation time limit extended to %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="849"/>
        <source>已记录当事人意见。</source>
        <translation>Parties&apos; views recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="891"/>
        <source>没有待付的款项。</source>
        <translation>No payments due.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="912"/>
        <source>已登记付款。全部款项已付清，案件已登记为履行完毕。</source>
        <translation>Payment recorded. Everything is paid; the agreement is recorded as fully performed.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="914"/>
        <source>已登记付款，本期已付清。</source>
        <translation>Payment recorded; this instalment is paid in full.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="916"/>
        <source>已登记付款，本期尚欠%1元。</source>
        <translation>Payment recorded; %1 yuan of this instalment is still owed.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="933"/>
        <source>选择证据材料</source>
        <translation>Choose evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="933"/>
        <source>扫描件、照片或 PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp *.heic);;所有文件 (*)</source>
        <translation>Scans, photos or PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.webp *.heic);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="949"/>
        <source>无法读取“%1”：%2</source>
        <translation>Cannot read “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="952"/>
        <source>文件“%1”大小为%2，超过单个附件上限%3；请压缩或拆分后再添加</source>
        <translation>“%1” is %2, over the %3 limit per attachment; please compress or split it first</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="963"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="993"/>
        <source>已登记回访。</source>
        <translation>Follow-up visit recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/case_detail.py" line="995"/>
        <source>已登记回访。评价为差评，已登记差评台账，须于%1%2前回访整改并答复。</source>
        <translation>Follow-up visit recorded. The rating is negative and has been entered in the complaints log: it must be followed up, remedied and answered by %1%2.</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="699"/>
        <source>案号，或案号中的流水号</source>
        <translation>Case number, or its serial number</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="701"/>
        <source>查找案件</source>
        <translation>Find case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="704"/>
        <source>输入案号后按回车：按委员会、专长匹配度和当前负荷推荐调解员与专家，并逐一审查回避事由。</source>
        <translation>Enter a case number and press Enter: mediators and experts are suggested by committee, matching speciality and current workload, and each is checked for grounds for recusal.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="720"/>
        <source>邀请专家参与…</source>
        <translation>Invite expert…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="721"/>
        <source>当事人选定调解员…</source>
        <translation>Parties choose mediator…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="722"/>
        <source>回避申请…</source>
        <translation>Recusal request…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="723"/>
        <source>放行…</source>
        <translation>Override…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="724"/>
        <source>有回避事由仍需参与的，写明理由后放行（调解员）</source>
        <translation>If someone with grounds for recusal must still take part, give the reason and override (mediator)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="726"/>
        <source>准予回避</source>
        <translation>Grant recusal</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="727"/>
        <source>驳回申请…</source>
        <translation>Reject request…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="754"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="764"/>
        <source>调解员（按适配度、负荷排序）</source>
        <translation>Mediators (by fit, then workload)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="765"/>
        <source>专家与律师（按适配度、负荷排序；红色为有回避事由）</source>
        <translation>Experts and lawyers (by fit, then workload; red: grounds for recusal)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="776"/>
        <source>本案同意、选定、回避记录</source>
        <translation>Consents, choices and recusals in this case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="804"/>
        <source>找不到该案件（或该案不属于您的委员会；流水号对应多件时请输入完整案号）</source>
        <translation>Case not found (or not in your committee; if the serial number matches several cases, enter the full case number)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="811"/>
        <location filename="../../desktop/screens/experts.py" line="861"/>
        <source>%1%2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="813"/>
        <source>%1&#x3000;%2&#x3000;%3&#x3000;%4</source>
        <translation>%1  %2  %3  %4</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="827"/>
        <source>正在推荐…</source>
        <translation>Finding suggestions…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="839"/>
        <source>推荐调解员 %1 人，专家 %2 人（其中 %3 人有回避事由）</source>
        <translation>Suggested mediators: %1; experts: %2 (%3 with grounds for recusal)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="844"/>
        <source>推荐失败：</source>
        <translation>Suggestions failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="862"/>
        <source>不能邀请%1参与本案，存在回避事由：</source>
        <translation>%1 cannot be invited to this case; grounds for recusal: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="864"/>
        <source>确需参与的，由调解员写明理由后“放行”。</source>
        <translation>If they must take part, a mediator gives the reason and uses “Override”.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="879"/>
        <source>请先查找案件并选中一位专家</source>
        <translation>First find the case and select an expert</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/experts.py" line="887"/>
        <source>已记录%n方当事人的意见</source>
        <translation>
            <numerusform>Views of %n party recorded</numerusform>
            <numerusform>Views of %n parties recorded</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="895"/>
        <source>请先查找案件并选中一位调解员</source>
        <translation>First find the case and select a mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="909"/>
        <source>请先查找案件并选中申请回避的专家或调解员</source>
        <translation>First find the case and select the expert or mediator to be recused</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="912"/>
        <source>已记录回避申请</source>
        <translation>Recusal request recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="918"/>
        <source>请先选中有回避事由的人员</source>
        <translation>First select a person with grounds for recusal</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="921"/>
        <source>%1没有回避事由，无需放行</source>
        <translation>%1 has no grounds for recusal; no override needed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="925"/>
        <source>已记录放行理由</source>
        <translation>Override reason recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="932"/>
        <source>请在下方记录中选中一条待决定的回避申请</source>
        <translation>Select a pending recusal request in the records below</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="937"/>
        <source>驳回回避申请</source>
        <translation>Reject recusal request</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="939"/>
        <source>驳回理由：为何不属于《医疗纠纷预防和处理条例》第三十七条规定的情形</source>
        <translation>Reason for rejection: why this is not a case under Art. 37 of the Medical Dispute Regulation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="952"/>
        <source>回避申请</source>
        <translation>Recusal requests</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="954"/>
        <source>已准予回避</source>
        <translation>Recusal granted</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="954"/>
        <source>已驳回回避申请</source>
        <translation>Recusal request rejected</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/models/case_table.py" line="36"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="37"/>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="38"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="39"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="40"/>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="41"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="42"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/models/case_table.py" line="43"/>
        <source>涉案金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <location filename="../../desktop/screens/cases.py" line="42"/>
        <source>案号、当事人姓名或案情关键词（Ctrl+F）</source>
        <translation>Case no., party name or keyword (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="44"/>
        <source>案号和当事人姓名按任意字查找；案情关键词至少两个字</source>
        <translation>Case numbers and party names match any characters; words in the summary need at least two characters</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="46"/>
        <source>全部委员会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="47"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="48"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="49"/>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="50"/>
        <source>截止日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="58"/>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="143"/>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="207"/>
        <location filename="../../desktop/screens/cases.py" line="218"/>
        <source>共 %1 件</source>
        <translation>Cases: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="209"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/cases.py" line="238"/>
        <source>%1（清空：选最早日期）</source>
        <translation>%1 (to clear, pick the earliest date)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/login.py" line="186"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="196"/>
        <source>这是首次登录或密码已被重置，请设置新密码（至少8位，含字母和数字）。</source>
        <translation>This is your first login or your password was reset. Please set a new password (at least 8 characters, with letters and digits).</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="199"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="201"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="203"/>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="223"/>
        <source>两次输入的新密码不一致</source>
        <translation>The new passwords do not match</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="562"/>
        <source>当事人选定调解员（人民调解法第十九条）</source>
        <translation>Parties choose the mediator (People&apos;s Mediation Law, Art. 19)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="570"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="571"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="572"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="573"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="574"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="575"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="586"/>
        <source>各方当事人均已选定，已列为本案调解员</source>
        <translation>All parties have chosen; now a mediator on this case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="587"/>
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>交通事故纠纷人民调解委员会</source>
        <translation>Traffic Accident Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>医疗纠纷人民调解委员会</source>
        <translation>Medical Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>教育纠纷人民调解委员会</source>
        <translation>Education Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>安全生产纠纷人民调解委员会</source>
        <translation>Work Safety Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>水利纠纷人民调解委员会</source>
        <translation>Water Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>食品安全纠纷人民调解委员会</source>
        <translation>Food Safety Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>劳动保障纠纷人民调解委员会</source>
        <translation>Labour Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>环境保护纠纷人民调解委员会</source>
        <translation>Environmental Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>土地纠纷人民调解委员会</source>
        <translation>Land Disputes People&apos;s Mediation Committee</translation>
    </message>
    <message>
        <source>涉法涉诉调解工作室</source>
        <translation>Litigation-Related Mediation Studio</translation>
    </message>
    <message>
        <source>综合调解窗口</source>
        <translation>General Mediation Desk</translation>
    </message>
    <message>
        <source>交通事故</source>
        <translation>Traffic accidents</translation>
    </message>
    <message>
        <source>医患</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>安全生产</source>
        <translation>Work safety</translation>
    </message>
    <message>
        <source>水利</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>食品安全</source>
        <translation>Food safety</translation>
    </message>
    <message>
        <source>劳动保障</source>
        <translation>Labour</translation>
    </message>
    <message>
        <source>环境保护</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>土地</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>涉法涉诉</source>
        <translation>Litigation-related</translation>
    </message>
    <message>
        <source>综合</source>
        <translation>General</translation>
    </message>
    <message>
        <source>婚姻家庭</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <source>邻里</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <source>房屋宅基地</source>
        <translation>Housing and homesteads</translation>
    </message>
    <message>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>生产经营</source>
        <translation>Business operations</translation>
    </message>
    <message>
        <source>损害赔偿</source>
        <translation>Damages</translation>
    </message>
    <message>
        <source>山林土地</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <source>征地拆迁</source>
        <translation>Land requisition and demolition</translation>
    </message>
    <message>
        <source>环境污染</source>
        <translation>Environmental pollution</translation>
    </message>
    <message>
        <source>劳动争议</source>
        <translation>Labour disputes</translation>
    </message>
    <message>
        <source>旅游</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <source>消费</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical treatment</translation>
    </message>
    <message>
        <source>道路交通事故</source>
        <translation>Road traffic accidents</translation>
    </message>
    <message>
        <source>物业管理</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>Intellectual property</translation>
    </message>
    <message>
        <source>互联网</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="128"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>当事人申请</source>
        <translation>Party application</translation>
    </message>
    <message>
        <source>主动调解</source>
        <translation>On own initiative</translation>
    </message>
    <message>
        <source>公安机关移交</source>
        <translation>Referred by police</translation>
    </message>
    <message>
        <source>审判机关委托</source>
        <translation>Entrusted by court</translation>
    </message>
    <message>
        <source>政府部门指定</source>
        <translation>Assigned by government</translation>
    </message>
    <message>
        <source>热线/网上</source>
        <translation>Hotline / online</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>Mediating</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>调解不成</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>拒绝调解</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>履行完毕</source>
        <translation>Performed</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>接待员</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>中心主任</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>自然人</source>
        <translation>Natural person</translation>
    </message>
    <message>
        <source>法人或其他组织</source>
        <translation>Legal person or other organisation</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Medical institution</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>机关事业单位</source>
        <translation>Public body</translation>
    </message>
    <message>
        <source>其他组织</source>
        <translation>Other organisation</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>接待室</source>
        <translation>Reception room</translation>
    </message>
    <message>
        <source>律师值班室</source>
        <translation>Lawyer&apos;s duty room</translation>
    </message>
    <message>
        <source>调解室</source>
        <translation>Mediation room</translation>
    </message>
    <message>
        <source>办公室</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>律师</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <source>法律工作者</source>
        <translation>Legal worker</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>过号</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>已转窗口</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>已预约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>已举行</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="77"/>
        <source>受理</source>
        <extracomment>The headline cards: (figure, title); the titles are figure names of core.stats.COLUMN_LABELS.</extracomment>
        <translation>Received</translation>
    </message>
    <message>
        <source>进入调解</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="78"/>
        <source>调解成功</source>
        <translation>Successful</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="79"/>
        <source>调解成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="80"/>
        <source>涉案金额（万元）</source>
        <translation>Claimed (10k yuan)</translation>
    </message>
    <message>
        <source>协议金额（万元）</source>
        <translation>Amount agreed (10k yuan)</translation>
    </message>
    <message>
        <source>应履行协议</source>
        <translation>Agreements due</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="81"/>
        <source>兑现率</source>
        <translation>Fulfilment rate</translation>
    </message>
    <message>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <source>回访评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>满意评价</source>
        <translation>Satisfied ratings</translation>
    </message>
    <message>
        <source>好评</source>
        <translation>Good ratings</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="82"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>好评率</source>
        <translation>Good rating rate</translation>
    </message>
    <message>
        <source>办结天数合计</source>
        <translation>Days to conclude (total)</translation>
    </message>
    <message>
        <source>平均办结天数</source>
        <translation>Average days to conclude</translation>
    </message>
    <message>
        <source>超期未结</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>防止激化（件）</source>
        <translation>Escalations prevented (cases)</translation>
    </message>
    <message>
        <source>防止激化（人）</source>
        <translation>Escalations prevented (persons)</translation>
    </message>
    <message>
        <source>重复来访</source>
        <translation>Repeat visitors</translation>
    </message>
    <message>
        <source>调解场次</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>取号人次</source>
        <translation>Queue tickets</translation>
    </message>
    <message>
        <source>等候总秒数</source>
        <translation>Total wait (seconds)</translation>
    </message>
    <message>
        <source>平均等候（分钟）</source>
        <translation>Average wait (minutes)</translation>
    </message>
    <message>
        <source>{value}个百分点</source>
        <translation>{value} pp</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>港澳居民居住证</source>
        <translation>Residence permit (Hong Kong/Macao)</translation>
    </message>
    <message>
        <source>台湾居民居住证</source>
        <translation>Residence permit (Taiwan)</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent resident ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland travel permit (Hong Kong/Macao)</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland travel permit (Taiwan)</translation>
    </message>
    <message>
        <source>其他证件</source>
        <translation>Other document</translation>
    </message>
    <message>
        <source>一般纠纷调解期限</source>
        <translation>Mediation time limit (general)</translation>
    </message>
    <message>
        <source>医疗纠纷调解期限</source>
        <translation>Mediation time limit (medical)</translation>
    </message>
    <message>
        <source>劳动争议调解期限</source>
        <translation>Mediation time limit (labour)</translation>
    </message>
    <message>
        <source>申请司法确认期限</source>
        <translation>Time limit for judicial confirmation</translation>
    </message>
    <message>
        <source>申请公安机关调解期限</source>
        <translation>Time limit for police mediation</translation>
    </message>
    <message>
        <source>{n}个工作日</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <source>{n}日</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>还剩{amount}{mark}</source>
        <translation>{amount} left{mark}</translation>
    </message>
    <message>
        <source>逾期{amount}{mark}</source>
        <translation>{amount} overdue{mark}</translation>
    </message>
    <message>
        <source>今日届满{mark}</source>
        <translation>due today{mark}</translation>
    </message>
    <message>
        <source>暂停计算（鉴定中）</source>
        <translation>paused (assessment under way)</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>30个工作日</source>
        <translation>30 working days</translation>
    </message>
    <message>
        <source>15日</source>
        <translation>15 days</translation>
    </message>
    <message>
        <source>1个月</source>
        <translation>1 month</translation>
    </message>
    <message>
        <source>本人是当事人</source>
        <translation>Is a party</translation>
    </message>
    <message>
        <source>申报的亲属关系</source>
        <translation>Declared relative</translation>
    </message>
    <message>
        <source>申报的利害关系</source>
        <translation>Declared interest</translation>
    </message>
    <message>
        <source>申报的其他关系</source>
        <translation>Other declared relation</translation>
    </message>
    <message>
        <source>同一单位</source>
        <translation>Same organisation</translation>
    </message>
    <message>
        <source>原工作单位</source>
        <translation>Former employer</translation>
    </message>
    <message>
        <source>与当事人同单位</source>
        <translation>Same workplace as a party</translation>
    </message>
    <message>
        <source>曾代理一方当事人</source>
        <translation>Acted for a party</translation>
    </message>
    <message>
        <source>曾代理对方</source>
        <translation>Acted for the other side</translation>
    </message>
    <message>
        <source>曾与当事人对立</source>
        <translation>Opposed a party before</translation>
    </message>
    <message>
        <source>已准予回避</source>
        <translation>Recusal granted</translation>
    </message>
    <message>
        <source>回避申请待决定</source>
        <translation>Recusal request pending</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="123"/>
        <source>口头</source>
        <translation>Oral</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="123"/>
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>取号叫号</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>邀请与到场</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>履行付款</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>差评台账</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>同意书</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>利益冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="131"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>专家导入导出</source>
        <translation>Expert import</translation>
    </message>
    <message>
        <source>节假日设置</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>备份恢复</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>排队号</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>邀请</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>中心</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>中心名称</source>
        <translation>Centre name</translation>
    </message>
    <message>
        <source>印在文书、号票和统计报表上</source>
        <translation>Printed on documents, queue tickets and statistics reports</translation>
    </message>
    <message>
        <source>县区简称</source>
        <translation>County short name</translation>
    </message>
    <message>
        <source>案件编号中的 {county}，如 衢江</source>
        <translation>The {county} in case numbers, e.g. Qujiang</translation>
    </message>
    <message>
        <source>案件编号格式</source>
        <translation>Case number format</translation>
    </message>
    <message>
        <source>{county}{prefix}{year}{seq}；改动只影响此后登记的案件</source>
        <translation>{county}{prefix}{year}{seq}; a change only affects cases registered afterwards</translation>
    </message>
    <message>
        <source>工作时间</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>如 08:30-12:00,14:00-17:30（预约只排在这些时段内）</source>
        <translation>e.g. 08:30-12:00,14:00-17:30 (sessions are booked only within these hours)</translation>
    </message>
    <message>
        <source>调解默认时长（分钟）</source>
        <translation>Default session length (minutes)</translation>
    </message>
    <message>
        <source>预约时默认的时长</source>
        <translation>The length a new booking starts with</translation>
    </message>
    <message>
        <source>两场调解间隔（分钟）</source>
        <translation>Gap between sessions (minutes)</translation>
    </message>
    <message>
        <source>同一调解室、同一人两场之间至少留出的时间</source>
        <translation>The least time between two sessions in the same room or with the same person</translation>
    </message>
    <message>
        <source>过号前叫号次数</source>
        <translation>Calls before a ticket is missed</translation>
    </message>
    <message>
        <source>叫号几次未到视为过号</source>
        <translation>After how many unanswered calls a ticket counts as missed</translation>
    </message>
    <message>
        <source>号票打印机</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <source>留空：PDF 号票；热敏打印机如 escpos:usb:0416:5011、escpos:net:192.168.1.50、escpos:serial:COM3</source>
        <translation>Empty: PDF tickets; a thermal printer e.g. escpos:usb:0416:5011, escpos:net:192.168.1.50, escpos:serial:COM3</translation>
    </message>
    <message>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <source>none、simulator、termb 或 termb:驱动路径（个别电脑可用环境变量 TIAOJIE_IDCARD_READER 另行指定）</source>
        <translation>none, simulator, termb or termb:driver path (a single PC can override it with the TIAOJIE_IDCARD_READER environment variable)</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>期限提前提醒（日）</source>
        <translation>Warn before time limits (days)</translation>
    </message>
    <message>
        <source>调解期限到期前几日列入“即将到期”</source>
        <translation>How many days before a time limit a case is listed as due soon</translation>
    </message>
    <message>
        <source>差评整改期限（工作日）</source>
        <translation>Complaint response time (working days)</translation>
    </message>
    <message>
        <source>差评须在几个工作日内回访答复</source>
        <translation>Within how many working days a complaint must be followed up and answered</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>无操作锁屏（分钟）</source>
        <translation>Lock screen when idle (minutes)</translation>
    </message>
    <message>
        <source>0 表示不自动锁屏</source>
        <translation>0: never lock automatically</translation>
    </message>
    <message>
        <source>归档后可匿名化（年）</source>
        <translation>Anonymise after archiving (years)</translation>
    </message>
    <message>
        <source>归档满此年数的案件可由管理员匿名化</source>
        <translation>Cases archived this many years ago can be anonymised by the administrator</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>自动备份目录</source>
        <translation>Automatic backup folder</translation>
    </message>
    <message>
        <source>留空：数据目录下的 backups（仅单机 SQLite 数据库）</source>
        <translation>Empty: backups in the data folder (single-PC SQLite database only)</translation>
    </message>
    <message>
        <source>保留备份份数</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>每天一份，保留最近几份</source>
        <translation>One a day; how many of the latest to keep</translation>
    </message>
    <message>
        <source>汉族</source>
        <translation>Han</translation>
    </message>
    <message>
        <source>蒙古族</source>
        <translation>Mongol</translation>
    </message>
    <message>
        <source>回族</source>
        <translation>Hui</translation>
    </message>
    <message>
        <source>藏族</source>
        <translation>Tibetan</translation>
    </message>
    <message>
        <source>维吾尔族</source>
        <translation>Uyghur</translation>
    </message>
    <message>
        <source>苗族</source>
        <translation>Miao</translation>
    </message>
    <message>
        <source>彝族</source>
        <translation>Yi</translation>
    </message>
    <message>
        <source>壮族</source>
        <translation>Zhuang</translation>
    </message>
    <message>
        <source>布依族</source>
        <translation>Bouyei</translation>
    </message>
    <message>
        <source>朝鲜族</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>满族</source>
        <translation>Manchu</translation>
    </message>
    <message>
        <source>侗族</source>
        <translation>Dong</translation>
    </message>
    <message>
        <source>瑶族</source>
        <translation>Yao</translation>
    </message>
    <message>
        <source>白族</source>
        <translation>Bai</translation>
    </message>
    <message>
        <source>土家族</source>
        <translation>Tujia</translation>
    </message>
    <message>
        <source>哈尼族</source>
        <translation>Hani</translation>
    </message>
    <message>
        <source>哈萨克族</source>
        <translation>Kazakh</translation>
    </message>
    <message>
        <source>傣族</source>
        <translation>Dai</translation>
    </message>
    <message>
        <source>黎族</source>
        <translation>Li</translation>
    </message>
    <message>
        <source>傈僳族</source>
        <translation>Lisu</translation>
    </message>
    <message>
        <source>佤族</source>
        <translation>Va</translation>
    </message>
    <message>
        <source>畲族</source>
        <translation>She</translation>
    </message>
    <message>
        <source>高山族</source>
        <translation>Gaoshan</translation>
    </message>
    <message>
        <source>拉祜族</source>
        <translation>Lahu</translation>
    </message>
    <message>
        <source>水族</source>
        <translation>Shui</translation>
    </message>
    <message>
        <source>东乡族</source>
        <translation>Dongxiang</translation>
    </message>
    <message>
        <source>纳西族</source>
        <translation>Naxi</translation>
    </message>
    <message>
        <source>景颇族</source>
        <translation>Jingpo</translation>
    </message>
    <message>
        <source>柯尔克孜族</source>
        <translation>Kyrgyz</translation>
    </message>
    <message>
        <source>土族</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>达斡尔族</source>
        <translation>Daur</translation>
    </message>
    <message>
        <source>仫佬族</source>
        <translation>Mulao</translation>
    </message>
    <message>
        <source>羌族</source>
        <translation>Qiang</translation>
    </message>
    <message>
        <source>布朗族</source>
        <translation>Blang</translation>
    </message>
    <message>
        <source>撒拉族</source>
        <translation>Salar</translation>
    </message>
    <message>
        <source>毛南族</source>
        <translation>Maonan</translation>
    </message>
    <message>
        <source>仡佬族</source>
        <translation>Gelao</translation>
    </message>
    <message>
        <source>锡伯族</source>
        <translation>Xibe</translation>
    </message>
    <message>
        <source>阿昌族</source>
        <translation>Achang</translation>
    </message>
    <message>
        <source>普米族</source>
        <translation>Pumi</translation>
    </message>
    <message>
        <source>塔吉克族</source>
        <translation>Tajik</translation>
    </message>
    <message>
        <source>怒族</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>乌孜别克族</source>
        <translation>Uzbek</translation>
    </message>
    <message>
        <source>俄罗斯族</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>鄂温克族</source>
        <translation>Evenki</translation>
    </message>
    <message>
        <source>德昂族</source>
        <translation>De&apos;ang</translation>
    </message>
    <message>
        <source>保安族</source>
        <translation>Bonan</translation>
    </message>
    <message>
        <source>裕固族</source>
        <translation>Yugur</translation>
    </message>
    <message>
        <source>京族</source>
        <translation>Gin</translation>
    </message>
    <message>
        <source>塔塔尔族</source>
        <translation>Tatar</translation>
    </message>
    <message>
        <source>独龙族</source>
        <translation>Derung</translation>
    </message>
    <message>
        <source>鄂伦春族</source>
        <translation>Oroqen</translation>
    </message>
    <message>
        <source>赫哲族</source>
        <translation>Hezhen</translation>
    </message>
    <message>
        <source>门巴族</source>
        <translation>Monba</translation>
    </message>
    <message>
        <source>珞巴族</source>
        <translation>Lhoba</translation>
    </message>
    <message>
        <source>基诺族</source>
        <translation>Jino</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="119"/>
        <source>双方共同申请</source>
        <extracomment>The labels of the core&apos;s own small vocabularies that these screens show (consents, payment methods, attachment kinds — db.codes has the rest): translated like db.codes&apos; labels, with tr_code (context ``Codes``). A test keeps the list in step with the core.</extracomment>
        <translation>Joint application by both parties</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="119"/>
        <source>一方申请，另一方同意</source>
        <translation>One party applied, the other consents</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="121"/>
        <source>公开调解</source>
        <translation>Public mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="121"/>
        <source>延长调解期限</source>
        <translation>Extension of the time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="122"/>
        <source>同意医疗纠纷人民调解</source>
        <translation>Consent to mediation of a medical dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="122"/>
        <source>专家参与调解</source>
        <translation>Expert taking part in mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="123"/>
        <source>选定调解员</source>
        <translation>Choice of mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="125"/>
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="125"/>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="125"/>
        <source>微信支付</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="126"/>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="126"/>
        <source>支票</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="127"/>
        <source>保险公司直接赔付</source>
        <translation>Paid directly by the insurer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="127"/>
        <source>法院执行</source>
        <translation>Court enforcement</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="130"/>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="130"/>
        <source>身份证明</source>
        <translation>Proof of identity</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="131"/>
        <source>调解记录（签字件）</source>
        <translation>Session record (signed copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="132"/>
        <source>履行凭证</source>
        <translation>Proof of performance</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="46"/>
        <source>不加密（disable）</source>
        <translation>No encryption (disable)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="47"/>
        <source>服务器支持时加密（prefer）</source>
        <translation>Encrypt if the server supports it (prefer)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="48"/>
        <source>必须加密（require）</source>
        <translation>Always encrypt (require)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="49"/>
        <source>加密并校验服务器证书（verify-full）</source>
        <translation>Encrypt and verify the server certificate (verify-full)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="108"/>
        <source>首次使用：选择数据存放位置</source>
        <translation>First start: where to keep the data</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="109"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="110"/>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="115"/>
        <source>只有这一台电脑使用本程序时，选“本机数据文件”并直接点“完成”即可。几台电脑共用同一份数据时，请选“局域网数据库服务器”，并填写管理员提供的地址。</source>
        <translation>If only this PC uses the program, keep “Local data file” and just click “Finish”. If several PCs share the same data, choose “LAN database server” and enter the address your administrator gave you.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="117"/>
        <source>程序启动时无法打开数据库。请检查下面的设置（或网络、数据库服务器），然后点“连接”。</source>
        <translation>The database could not be opened at start. Check the settings below (or the network and the database server), then click “Connect”.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="118"/>
        <source>更改本机使用的数据库。保存前会先测试连接。</source>
        <translation>Change the database this PC uses. The connection is tested before it is saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="127"/>
        <source>本机数据文件（SQLite，单台电脑使用）</source>
        <translation>Local data file (SQLite, one PC)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="131"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="137"/>
        <source>留空即使用默认位置：%1。请勿放在网络共享文件夹中：多台电脑共用请选下面的数据库服务器。</source>
        <translation>Leave empty for the default location: %1. Do not use a network share: for several PCs choose the database server below.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="143"/>
        <source>文件夹(&amp;F)</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="150"/>
        <source>局域网数据库服务器（PostgreSQL，多台电脑共用）</source>
        <translation>LAN database server (PostgreSQL, several PCs)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="153"/>
        <source>例如 192.168.1.10 或 tiaojie-server</source>
        <translation>e.g. 192.168.1.10 or tiaojie-server</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="167"/>
        <source>在本机的系统密钥环中保存密码</source>
        <translation>Keep the password in this PC&apos;s system keyring</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="173"/>
        <source>本机没有可用的系统密钥环：密码不保存，每次启动时询问</source>
        <translation>No keyring on this PC: the password is asked for at each start</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="178"/>
        <source>服务器地址(&amp;H)</source>
        <translation>Server &amp;host</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="180"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="182"/>
        <source>数据库名(&amp;D)</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="184"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="186"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="188"/>
        <source>加密方式</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="199"/>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="208"/>
        <source>更改在下次启动程序时生效。</source>
        <translation>Changes take effect the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="209"/>
        <source>数据库服务器的密码不会写入任何文件。</source>
        <translation>The database server password is never written to any file.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="216"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="216"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="217"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="219"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="219"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="265"/>
        <source>选择数据文件夹</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="348"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="356"/>
        <source>连接成功：</source>
        <translation>Connected: </translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="393"/>
        <source>已保存（%1）。更改在下次启动程序时生效。</source>
        <translation>Saved (%1). Changes take effect the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="396"/>
        <source>正在测试连接…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="408"/>
        <source>正在打开数据库（首次使用时会建立数据表，请稍候）…</source>
        <translation>Opening the database (the first time, its tables are created; please wait)…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="520"/>
        <source>当事人同意专家参与调解（人民调解法第二十条）</source>
        <translation>Parties&apos; consent to an expert (People&apos;s Mediation Law, Art. 20)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="522"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="523"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="523"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="528"/>
        <location filename="../../desktop/widgets/mediation_forms.py" line="311"/>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="529"/>
        <location filename="../../desktop/widgets/mediation_forms.py" line="312"/>
        <source>不同意</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="530"/>
        <source>暂未表态</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="535"/>
        <source>备注（可不填；代理人代为表示的在此说明）</source>
        <translation>Note (optional; say so here if an agent answered for the party)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="536"/>
        <location filename="../../desktop/widgets/mediation_forms.py" line="317"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="537"/>
        <location filename="../../desktop/widgets/mediation_forms.py" line="318"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="538"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="544"/>
        <source>请至少记录一方当事人的意见</source>
        <translation>Please record the view of at least one party</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="299"/>
        <source>记录当事人意见</source>
        <translation>Record parties&apos; views</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="300"/>
        <source>记录当事人对公开调解、延长调解期限等事项的意见；口头同意的，请在调解记录中注明并由当事人签名。</source>
        <translation>Record the parties&apos; views on public mediation, extending the time limit and similar matters; for oral consent, note it in the session record and have the party sign.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="305"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="309"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="313"/>
        <source>意见</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="319"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DailyJobs</name>
    <message>
        <location filename="../../desktop/housekeeping.py" line="59"/>
        <source>每日例行任务失败：%1</source>
        <translation>Daily housekeeping failed: %1</translation>
    </message>
</context>
<context>
    <name>DeadlineLegend</name>
    <message>
        <location filename="../../desktop/screens/my_cases.py" line="30"/>
        <source>红色：已逾期&#x3000;橙色：即将到期&#x3000;灰色：鉴定期间暂停计算&#x3000;（暂定）：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算</source>
        <translation>Red: overdue   Orange: due soon   Grey: paused during a medical assessment   (provisional): the time limit runs into a year whose holidays are not yet published, counted with weekends and statutory holidays</translation>
    </message>
</context>
<context>
    <name>DeadlinesScreen</name>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="86"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="102"/>
        <source>已逾期（%1）</source>
        <translation>Overdue (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="103"/>
        <source>即将到期（%1）</source>
        <translation>Due soon (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="105"/>
        <source>逾期未付款项（%1）</source>
        <translation>Overdue payments (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="106"/>
        <source>本委员会</source>
        <translation>this committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/deadlines.py" line="106"/>
        <source>全中心</source>
        <translation>whole centre</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/deadlines.py" line="107"/>
        <source>%1调解期限：已逾期 %2 件，%n日内到期 %3 件（截至 %4）</source>
        <translation>
            <numerusform>Mediation time limits (%1): %2 overdue, %3 due within %n day (as of %4)</numerusform>
            <numerusform>Mediation time limits (%1): %2 overdue, %3 due within %n days (as of %4)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentKinds</name>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="55"/>
        <source>人民调解申请书</source>
        <extracomment>The titles of core.dossier.DOCUMENT_KINDS, for Qt Linguist (a test keeps the two in step). The documents themselves are Chinese; the screens name them in the UI&apos;s language.</extracomment>
        <translation>Application for mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="55"/>
        <source>人民调解受理登记表</source>
        <translation>Intake form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="56"/>
        <source>当事人权利义务告知书</source>
        <translation>Notice of the parties&apos; rights and obligations</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="56"/>
        <source>调查记录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="57"/>
        <source>调解记录</source>
        <translation>Session records</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="57"/>
        <source>人民调解协议书</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="58"/>
        <source>口头调解协议登记表</source>
        <translation>Oral agreement registration form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="58"/>
        <source>终止调解告知书</source>
        <translation>Notice of termination of mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="59"/>
        <source>主持调解证明</source>
        <translation>Certificate of mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="59"/>
        <source>司法确认申请书</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="60"/>
        <source>人民调解回访记录</source>
        <translation>Follow-up visit record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="60"/>
        <source>调解通知书</source>
        <translation>Mediation notice</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="61"/>
        <source>卷宗封面</source>
        <translation>Dossier cover</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="61"/>
        <source>卷内目录</source>
        <translation>Dossier contents</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="62"/>
        <source>卷内备考表（封底）</source>
        <translation>Dossier notes (back cover)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="62"/>
        <source>人民调解卷宗</source>
        <translation>Mediation dossier</translation>
    </message>
</context>
<context>
    <name>DutyModel</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="100"/>
        <source>值班日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="100"/>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="101"/>
        <source>结束</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="101"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>ExpertDetailDialog</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="578"/>
        <source>新增专家</source>
        <translation>New expert</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="578"/>
        <source>专家详情</source>
        <translation>Expert details</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="584"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExpertDetailScreen</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="258"/>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="264"/>
        <source>多个专长用顿号“、”分开</source>
        <translation>Separate specialities with “、”</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="266"/>
        <source>已退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="267"/>
        <source>启用（可被邀请参与调解）</source>
        <translation>Active (can be invited to mediations)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="288"/>
        <source>添加值班</source>
        <translation>Add duty</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="289"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="299"/>
        <source>律师值班（每周）</source>
        <translation>Lawyer duty (weekly)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="306"/>
        <source>申报的关系（用于回避审查）</source>
        <translation>Declared relationships (for recusal checks)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="319"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="322"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="328"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="330"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="331"/>
        <source>原工作单位</source>
        <translation>Former employer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="332"/>
        <source>职称/职务</source>
        <translation>Title / post</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="333"/>
        <source>专长</source>
        <translation>Specialities</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="337"/>
        <source>服务委员会</source>
        <translation>Committees served</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="338"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="346"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="347"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="349"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="351"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="374"/>
        <source>选择专家</source>
        <translation>Choose expert</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="401"/>
        <source>%1（%2，%3）</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="403"/>
        <source>%1［停用］</source>
        <translation>%1 [inactive]</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="429"/>
        <source>专家库中还没有专家</source>
        <translation>There are no experts in the pool yet</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="429"/>
        <source>专家库中还没有专家：请新增</source>
        <translation>There are no experts in the pool yet: please add one</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="462"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="462"/>
        <source>%1&#x3000;%2（已停用）</source>
        <translation>%1  %2 (inactive)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="442"/>
        <source>新增专家</source>
        <translation>New expert</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="544"/>
        <source>请按提示修改后再保存</source>
        <translation>Please correct the marked fields, then save</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="549"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="559"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ExpertTableModel</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="112"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="113"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="114"/>
        <source>工作单位（原单位）</source>
        <translation>Employer (former)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="115"/>
        <source>职称/职务</source>
        <translation>Title / post</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="116"/>
        <source>专长</source>
        <translation>Specialities</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="117"/>
        <source>服务委员会</source>
        <translation>Committees</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="118"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="119"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="173"/>
        <source>退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="173"/>
        <source>在职</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="173"/>
        <source>·停用</source>
        <translation> · inactive</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="179"/>
        <source>值班：%1</source>
        <translation>On duty: %1</translation>
    </message>
</context>
<context>
    <name>ExpertText</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="83"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="96"/>
        <source>原%1</source>
        <translation>formerly %1</translation>
    </message>
</context>
<context>
    <name>ExpertsScreen</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="970"/>
        <source>姓名、拼音或首字母（如 jjs）、单位、专长、委员会（Ctrl+F）</source>
        <translation>Name, pinyin or initials (e.g. jjs), employer, speciality, committee (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="973"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="974"/>
        <source>全部委员会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="976"/>
        <source>仅启用</source>
        <translation>Active only</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="977"/>
        <source>全部（含停用）</source>
        <translation>All (incl. inactive)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="978"/>
        <source>仅停用</source>
        <translation>Inactive only</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="981"/>
        <source>详情(&amp;O)</source>
        <translation>Details (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="982"/>
        <source>新增专家(&amp;N)</source>
        <translation>&amp;New expert</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="983"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="984"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1043"/>
        <source>值班安排在专家详情中修改（系统管理员）。</source>
        <translation>Duty rosters are edited in Expert details (administrator).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1052"/>
        <source>申报的关系…</source>
        <translation>Declared relationships…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1052"/>
        <source>查看申报的关系…</source>
        <translation>View declared relationships…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1056"/>
        <source>各委员会在岗调解员及当前负荷（在办案件、本周已约调解场次）。</source>
        <translation>Active mediators of each committee and their workload (open cases, sessions booked this week).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1064"/>
        <source>专家名录</source>
        <translation>Expert directory</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1065"/>
        <source>律师值班表</source>
        <translation>Lawyer duty roster</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1066"/>
        <source>各委员会调解员</source>
        <translation>Committee mediators</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1070"/>
        <source>为案件选人</source>
        <translation>Staff a case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1107"/>
        <source>今天（%1）值班：</source>
        <translation>On duty today (%1): </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1109"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/experts.py" line="1116"/>
        <source>共 %n 人</source>
        <translation>
            <numerusform>%n expert</numerusform>
            <numerusform>%n experts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1135"/>
        <source>已退休</source>
        <translation>retired</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1137"/>
        <source>已停用</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1140"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1140"/>
        <source>回车或双击查看详情</source>
        <translation>Enter or double-click for details</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1142"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1142"/>
        <source>原工作单位</source>
        <translation>Former employer</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1143"/>
        <source>职称/职务</source>
        <translation>Title / post</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1143"/>
        <source>专长</source>
        <translation>Specialities</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1144"/>
        <source>服务委员会</source>
        <translation>Committees served</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1144"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1145"/>
        <source>值班</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1146"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1148"/>
        <source>%1：</source>
        <translation>%1: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1189"/>
        <source>导入专家库</source>
        <translation>Import expert pool</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1190"/>
        <location filename="../../desktop/screens/experts.py" line="1218"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1196"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1207"/>
        <source>导入失败，未导入任何数据</source>
        <translation>Import failed; nothing was imported</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1211"/>
        <source>导入失败：</source>
        <translation>Import failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1216"/>
        <source>专家库名册</source>
        <translation>Expert pool</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1218"/>
        <source>导出专家库</source>
        <translation>Export expert pool</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1225"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/experts.py" line="1228"/>
        <source>已导出 %n 人：%1</source>
        <translation>
            <numerusform>Exported %n expert: %1</numerusform>
            <numerusform>Exported %n experts: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1231"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="1240"/>
        <source>请先选中一位调解员</source>
        <translation>Please select a mediator first</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="325"/>
        <source>延长调解期限</source>
        <translation>Extend mediation time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="330"/>
        <source>延长</source>
        <translation>Extend by</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="331"/>
        <source>双方同意日期</source>
        <translation>Date both sides agreed</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="332"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FollowupsScreen</name>
    <message>
        <location filename="../../desktop/screens/followups.py" line="81"/>
        <source>登记回访…（Enter）</source>
        <translation>Record follow-up… (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="88"/>
        <source>只看未答复</source>
        <translation>Unanswered only</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="94"/>
        <source>登记答复…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="144"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="153"/>
        <source>读取失败：%1（按 F5 重试）</source>
        <translation>Could not read the lists: %1 (F5 to try again)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/followups.py" line="163"/>
        <source>待回访（%1 日内计划 %n 次，其中逾期 %2 次）</source>
        <translation>
            <numerusform>%n follow-up due within %1 days (%2 overdue)</numerusform>
            <numerusform>%n follow-ups due within %1 days (%2 overdue)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/followups.py" line="167"/>
        <source>差评台账（%n 条，逾期未答复 %1 条；差评须在规定工作日内回访整改并答复）</source>
        <translation>
            <numerusform>Complaints log (%n entry, %1 overdue; complaints must be followed up, remedied and answered within the set working days)</numerusform>
            <numerusform>Complaints log (%n entries, %1 overdue; complaints must be followed up, remedied and answered within the set working days)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="191"/>
        <source>答复差评</source>
        <translation>Answer complaint</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="191"/>
        <source>%1（%2）评价“%3”，须于%4前回访整改并答复。</source>
        <translation>%1 (%2) rated “%3”; follow up, remedy and reply by %4.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="194"/>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="195"/>
        <source>整改及答复情况</source>
        <translation>Remedy and reply</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="195"/>
        <source>回访核实的问题、整改措施、答复当事人的结果</source>
        <translation>Problems verified at follow-up, remedial measures, reply given to the party</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/followups.py" line="201"/>
        <source>已登记答复。</source>
        <translation>Reply recorded.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="123"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="124"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FormDraft</name>
    <message>
        <location filename="../../desktop/drafts.py" line="203"/>
        <source>已恢复 %1 未保存的内容（%2）。</source>
        <translation>Restored what was typed at %1 and not saved (%2).</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <location filename="../../desktop/texts.py" line="50"/>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="51"/>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="52"/>
        <source>清明</source>
        <translation>Tomb-sweeping Day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="53"/>
        <source>清明节</source>
        <translation>Tomb-sweeping Day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="54"/>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="55"/>
        <source>端午</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="56"/>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="57"/>
        <source>中秋</source>
        <translation>Mid-autumn Festival</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="58"/>
        <source>中秋节</source>
        <translation>Mid-autumn Festival</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="59"/>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="60"/>
        <source>中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日</source>
        <translation>Victory Day (70th anniversary)</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="75"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="77"/>
        <source>调休上班（%1）</source>
        <translation>Make-up working day (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="80"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="82"/>
        <location filename="../../desktop/texts.py" line="100"/>
        <source>休息日</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="89"/>
        <source>休息日，不安排调解</source>
        <translation>Day off: no sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="91"/>
        <source>放假日，不安排调解</source>
        <translation>Holiday: no sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="93"/>
        <source>%1，不安排调解</source>
        <translation>%1: no sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="94"/>
        <source>%1假期，不安排调解</source>
        <translation>%1 holiday: no sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="101"/>
        <source>%1·休</source>
        <translation>%1 (off)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="340"/>
        <source>国务院放假安排（chinese-calendar）</source>
        <translation>State Council holiday schedule (chinese-calendar)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="341"/>
        <source>本中心录入</source>
        <translation>Entered by this centre</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="342"/>
        <source>本中心更正</source>
        <translation>Corrected by this centre</translation>
    </message>
</context>
<context>
    <name>HolidaysScreen</name>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="55"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="57"/>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="79"/>
        <location filename="../../desktop/screens/holidays.py" line="210"/>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="80"/>
        <location filename="../../desktop/screens/holidays.py" line="210"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="81"/>
        <source>如 春节、国庆节</source>
        <translation>e.g. Spring Festival, National Day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="84"/>
        <source>保存此日(&amp;S)</source>
        <translation>&amp;Save this day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="87"/>
        <source>删除本中心录入(&amp;D)</source>
        <translation>&amp;Delete this centre&apos;s entry</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="93"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="96"/>
        <source>安排</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="98"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="106"/>
        <source>本中心录入（优先于国务院安排的程序内置数据）</source>
        <translation>Entered by this centre (takes precedence over the State Council schedule built into the program)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="113"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/holidays.py" line="137"/>
        <source>程序内置了 %1 年的国务院放假安排（%2 个放假或调休上班的日子）。本中心录入 %n 天。</source>
        <translation>
            <numerusform>The State Council holiday schedule for %1 is built into the program (%2 days off or make-up working days). Entered by this centre: %n day.</numerusform>
            <numerusform>The State Council holiday schedule for %1 is built into the program (%2 days off or make-up working days). Entered by this centre: %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/holidays.py" line="141"/>
        <source>程序未内置 %1 年的放假安排，本中心已录入 %n 天。请与国务院办公厅的通知逐日核对。</source>
        <translation>
            <numerusform>The program has no built-in holiday schedule for %1; this centre has entered %n day. Please check it against the notice of the General Office of the State Council.</numerusform>
            <numerusform>The program has no built-in holiday schedule for %1; this centre has entered %n days. Please check them day by day against the notice of the General Office of the State Council.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="145"/>
        <source>程序未内置 %1 年的放假安排，本中心也尚未录入：该年的期限只按周末和法定节日暂定计算，并标为“暂定”。国务院办公厅公布安排后，请在下方逐日录入放假日和调休上班日。</source>
        <translation>The program has no built-in holiday schedule for %1 and this centre has not entered one either: time limits in that year are calculated provisionally from weekends and statutory holidays only, and marked “provisional”. Once the General Office of the State Council publishes the schedule, please enter each day off and make-up working day below.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="192"/>
        <source>这一天本来就是%1，请写明更正的理由或节日名称</source>
        <translation>This day is already %1; please give the reason for the correction or the name of the holiday</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="193"/>
        <source>工作日</source>
        <translation>a working day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="193"/>
        <source>休息日</source>
        <translation>a day off</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="211"/>
        <source>已保存：%1 %2</source>
        <translation>Saved: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="218"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="219"/>
        <source>删除本中心对 %1 的录入？此后按程序内置的安排计算。</source>
        <translation>Delete this centre&apos;s entry for %1? The built-in schedule will then apply.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/holidays.py" line="228"/>
        <source>已删除 %1 的录入</source>
        <translation>Entry for %1 deleted</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="462"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/experts.py" line="464"/>
        <source>文件中有 %n 处问题，未导入任何数据。请在 Excel 中改正后重新导入：</source>
        <translation>
            <numerusform>The file has %n problem; nothing was imported. Please correct it in Excel and import again:</numerusform>
            <numerusform>The file has %n problems; nothing was imported. Please correct them in Excel and import again:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="469"/>
        <source>复制全部</source>
        <translation>Copy all</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../../desktop/screens/intake.py" line="324"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="325"/>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="339"/>
        <source>打印受理登记表 (Ctrl+P)</source>
        <translation>Print intake form (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="340"/>
        <source>打印权利义务告知书</source>
        <translation>Print notice of rights</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="372"/>
        <source>登记人：%1</source>
        <translation>Registered by: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="375"/>
        <source>受理时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="382"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="383"/>
        <source>+ 自然人 (Ctrl+Shift+P)</source>
        <translation>+ Person (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="384"/>
        <source>+ 单位 (Ctrl+Shift+O)</source>
        <translation>+ Organisation (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="385"/>
        <source>+ 代理人 (Ctrl+Shift+A)</source>
        <translation>+ Agent (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="402"/>
        <source>纠纷情况</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="404"/>
        <location filename="../../desktop/screens/intake.py" line="432"/>
        <source>— 请选择 —</source>
        <translation>— Please choose —</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="411"/>
        <source>纠纷简要情况：时间、地点、经过、争议焦点</source>
        <translation>Brief account: time, place, events, points in dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="416"/>
        <source>元，如 50000、12345.60 或 5万</source>
        <translation>yuan, e.g. 50000, 12345.60 or 5万</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="419"/>
        <source>群体性纠纷</source>
        <translation>Group dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="420"/>
        <source>涉及%1人以上</source>
        <translation>Involves %1 or more people</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="423"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="424"/>
        <source>人数</source>
        <translation>Headcount</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="425"/>
        <source>有激化风险（人民调解法第二十五条）</source>
        <translation>Risk of escalation (Mediation Law, Art. 25)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="427"/>
        <source>已报告的公安机关或部门、联系人</source>
        <translation>Police or authority informed, contact person</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="435"/>
        <source>医疗纠纷申请</source>
        <translation>Medical dispute application</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="436"/>
        <source>医疗纠纷预防和处理条例第三十一条</source>
        <translation>Medical Dispute Regulation, Art. 31</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="443"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="445"/>
        <source>纠纷来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="449"/>
        <source>简要情况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="452"/>
        <source>请求事项</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="454"/>
        <source>涉及金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="464"/>
        <source>特别情形</source>
        <translation>Special cases</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="471"/>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="473"/>
        <source>报告时间</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="507"/>
        <source>分流建议</source>
        <translation>Routing suggestions</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="509"/>
        <source>填写案情、当事人或纠纷类型后显示建议</source>
        <translation>Suggestions appear once the facts, parties or dispute type are filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="516"/>
        <source>— 请选择（Alt+1 采纳首选）—</source>
        <translation>— Please choose (Alt+1 takes the first) —</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="524"/>
        <source>出具转办单</source>
        <translation>Issue referral slip</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="532"/>
        <source>保存登记 (Ctrl+S)</source>
        <translation>Save intake (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="536"/>
        <source>下一位 / 新登记 (Ctrl+N)</source>
        <translation>Next / new intake (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="547"/>
        <source>受理委员会（可改选）</source>
        <translation>Committee (can be changed)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="656"/>
        <source>当事人%1 %2</source>
        <translation>Party %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="683"/>
        <source>查询在册当事人失败：%1</source>
        <translation>Looking up known parties failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="694"/>
        <source>正在读身份证…</source>
        <translation>Reading ID card…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="709"/>
        <source>已读入 %1 的身份证</source>
        <translation>Read the ID card of %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="717"/>
        <source>读卡失败：%1</source>
        <translation>Could not read the card: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="719"/>
        <source>未读到身份证，可重试或手工录入</source>
        <translation>No ID card read; try again or enter the details by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="795"/>
        <source>号票 %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="808"/>
        <source>新登记</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="809"/>
        <source>当前登记尚未保存。开始新登记吗？（已填内容会另存为草稿，可以恢复）</source>
        <translation>This intake has not been saved. Start a new one? (What you entered is kept as a draft and can be restored.)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="888"/>
        <source>= %1 元</source>
        <translation>= %1 yuan</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="921"/>
        <source>⚠ %1
→ 建议转往：%2</source>
        <translation>⚠ %1
→ Suggested referral: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="930"/>
        <source>暂无第%1条建议</source>
        <translation>There is no suggestion %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="934"/>
        <source>已采纳建议：%1</source>
        <translation>Suggestion taken: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/intake.py" line="988"/>
        <source>有 %n 处需要更正，已标在对应栏目旁</source>
        <translation>
            <numerusform>%n field needs correcting; see the mark beside it</numerusform>
            <numerusform>%n fields need correcting; see the marks beside them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/intake.py" line="1049"/>
        <source>有 %n 处需要更正</source>
        <translation>
            <numerusform>%n field needs correcting</numerusform>
            <numerusform>%n fields need correcting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/intake.py" line="1055"/>
        <source>%1。已填写的内容都在表中，草稿也已保存；连接恢复后自动保存（每 %n 秒重试一次），也可以按 Ctrl+S 立即重试。</source>
        <translation>
            <numerusform>%1. Everything you entered is still in the form and a draft has been saved; the intake is saved automatically once the connection is back (retrying every %n second), or press Ctrl+S to retry now.</numerusform>
            <numerusform>%1. Everything you entered is still in the form and a draft has been saved; the intake is saved automatically once the connection is back (retrying every %n seconds), or press Ctrl+S to retry now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/intake.py" line="1241"/>
        <source>另有 %n 份草稿。</source>
        <translation>
            <numerusform>%n more draft.</numerusform>
            <numerusform>%n more drafts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1011"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1019"/>
        <source>可能重复登记</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1020"/>
        <source>这批当事人已有在办案件：
%1

仍然登记为新案件吗？</source>
        <translation>These parties already have open cases:
%1

Register a new case anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1025"/>
        <source>未保存：可能与在办案件重复</source>
        <translation>Not saved: may duplicate an open case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1031"/>
        <source>（%1，人民调解法第十七条）</source>
        <translation> (%1, People&apos;s Mediation Law, Art. 17)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1032"/>
        <source>&#x3000;重复来访</source>
        <translation>  repeat visit</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1034"/>
        <source>已登记：%1&#x3000;%2%3%4</source>
        <translation>Registered: %1  %2%3%4</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1038"/>
        <source>可打印受理登记表（Ctrl+P）和当事人权利义务告知书。</source>
        <translation>You can print the intake form (Ctrl+P) and the notice of the parties&apos; rights and obligations.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1042"/>
        <source>已保存 %1，可接待下一位</source>
        <translation>Saved %1; ready for the next visitor</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1059"/>
        <source>等待数据库恢复连接…</source>
        <translation>Waiting for the database connection…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1063"/>
        <source>保存失败：%1
已填写的内容都保留在表中，草稿也已保存，排除问题后可再按 Ctrl+S。</source>
        <translation>Saving failed: %1
Everything you entered is still in the form and a draft has been saved; once the problem is fixed, press Ctrl+S again.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1066"/>
        <source>保存失败，内容未丢失</source>
        <translation>Saving failed; nothing was lost</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1078"/>
        <source>还没有刚保存的案件可打印</source>
        <translation>No newly saved case to print yet</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1086"/>
        <source>正在生成文书…</source>
        <translation>Generating documents…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1091"/>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1094"/>
        <source>已保存到 %1：%2</source>
        <translation>Saved to %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1099"/>
        <source>生成文书失败：%1</source>
        <translation>Could not generate documents: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1116"/>
        <source>请先在当事人中填写来访人姓名</source>
        <translation>Please enter the visitor&apos;s name under Parties first</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1142"/>
        <source>已出具转办单 %1（%2）</source>
        <translation>Referral slip %1 issued (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1146"/>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1185"/>
        <source>草稿保存失败：%1</source>
        <translation>Could not save draft: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1202"/>
        <source>上一份未保存的登记已另存为草稿</source>
        <translation>The previous unsaved intake was kept as a draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1203"/>
        <source>未保存的内容已另存为草稿</source>
        <translation>Unsaved entries were kept as a draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1225"/>
        <source>发现未保存的登记草稿</source>
        <translation>Unsaved intake draft found</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1232"/>
        <source>草稿无法读取（%1），文件保留在 %2</source>
        <translation>Cannot read the draft (%1); the file is kept at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1237"/>
        <source>未填姓名</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1237"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1239"/>
        <source>%1（%2，%3）。按 Ctrl+R 恢复。</source>
        <translation>%1 (%2, %3). Press Ctrl+R to restore.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1255"/>
        <source>草稿无法读取：%1</source>
        <translation>Cannot read the draft: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1263"/>
        <source>草稿已恢复</source>
        <translation>Draft restored</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="1277"/>
        <source>还有未保存的登记草稿</source>
        <translation>There are unsaved intake drafts</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/lock.py" line="73"/>
        <source>屏幕已锁定 — 调解超市前台</source>
        <translation>Screen locked — Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="81"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="85"/>
        <source>%1（%2，用户名 %3）</source>
        <translation>%1 (%2, user name %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="89"/>
        <source>请输入密码继续工作，之前填写的内容都会保留。</source>
        <translation>Enter your password to continue; everything you entered is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="95"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="100"/>
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="103"/>
        <source>切换用户(&amp;S)…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="104"/>
        <source>注销当前用户：未保存的内容将丢失</source>
        <translation>Logs out the current user: unsaved entries are lost</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="106"/>
        <source>切换用户会注销当前用户，未保存的内容将丢失。</source>
        <translation>Switching user logs out the current user; unsaved entries will be lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="124"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="144"/>
        <source>请输入密码</source>
        <translation>Please enter your password</translation>
    </message>
    <message>
        <location filename="../../desktop/lock.py" line="155"/>
        <source>账号已变更，请切换用户</source>
        <translation>The account has changed; please switch user</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login.py" line="50"/>
        <source>登录 — 调解超市前台</source>
        <translation>Log in — Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="60"/>
        <source>调解超市前台</source>
        <translation>Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="65"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="68"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="72"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="73"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="77"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="78"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="83"/>
        <location filename="../../desktop/login.py" line="105"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="134"/>
        <source>请输入用户名</source>
        <translation>Please enter your user name</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="142"/>
        <source>正在打开数据库，稍候自动登录…</source>
        <translation>Opening the database — you will be logged in as soon as it is open…</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="159"/>
        <source>首次登录须修改初始密码</source>
        <translation>Please change the initial password at first login</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="37"/>
        <source>调解超市前台</source>
        <translation>Mediation Centre Front Desk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="119"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <source>注销(&amp;L)</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="124"/>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="134"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="147"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="152"/>
        <source>导出诊断信息(&amp;D)…</source>
        <translation>Export &amp;diagnostics…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="154"/>
        <source>关于(&amp;A)…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="168"/>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="192"/>
        <source>处理中…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="213"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="228"/>
        <location filename="../../desktop/main_window.py" line="233"/>
        <source>导出诊断信息</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="234"/>
        <source>已导出（不含个人信息）：%1</source>
        <translation>Exported (no personal data): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="239"/>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="139"/>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="140"/>
        <source>数据库连接…</source>
        <translation>Database connection…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>实时同步</source>
        <translation>Live updates</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>定时刷新</source>
        <translation>Periodic refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="187"/>
        <source>其他电脑的更改会立即显示</source>
        <translation>Changes made on other PCs appear at once</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source>暂时收不到其他电脑的更改通知，各界面每2秒刷新一次</source>
        <translation>Change notifications from other PCs are not available at the moment; screens refresh every 2 seconds</translation>
    </message>
</context>
<context>
    <name>MediatorModel</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="255"/>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="256"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="257"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="258"/>
        <source>在办案件</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="259"/>
        <source>本周调解</source>
        <translation>Sessions this week</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="260"/>
        <source>申报关系</source>
        <translation>Declared ties</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="302"/>
        <source>（暂无调解员）</source>
        <translation>(no mediators yet)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>协议形式应为书面协议或口头协议</source>
        <translation>The agreement must be written or oral</translation>
    </message>
    <message>
        <source>请填写纠纷的主要事实（{law}）</source>
        <translation>Enter the main facts of the dispute ({law})</translation>
    </message>
    <message>
        <source>请填写协议达成日期</source>
        <translation>Enter the date the agreement was reached</translation>
    </message>
    <message>
        <source>分期不超过{limit}期</source>
        <translation>At most {limit} instalments</translation>
    </message>
    <message>
        <source>金额应为数字（单位：元）</source>
        <translation>The amount must be a number (in yuan)</translation>
    </message>
    <message>
        <source>金额不能为负数</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <source>金额过大，请核对（单位是元）</source>
        <translation>The amount is too large; please check it (the unit is yuan)</translation>
    </message>
    <message>
        <source>金额最多保留两位小数（到分）</source>
        <translation>The amount can have at most two decimals (fen)</translation>
    </message>
    <message>
        <source>责任比例应为 0 到 100 之间的数字</source>
        <translation>The liability share must be a number from 0 to 100</translation>
    </message>
    <message>
        <source>责任比例最多保留一位小数</source>
        <translation>The liability share can have at most one decimal</translation>
    </message>
    <message>
        <source>主要事实</source>
        <translation>Main facts</translation>
    </message>
    <message>
        <source>争议事项</source>
        <translation>Matters in dispute</translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation>Manner of performance</translation>
    </message>
    <message>
        <source>{what}不超过{limit}个字</source>
        <translation>{what}: at most {limit} characters</translation>
    </message>
    <message>
        <source>请填写协议内容（至少一条，{law}）</source>
        <translation>Enter the content of the agreement (at least one term, {law})</translation>
    </message>
    <message>
        <source>请填写双方达成的协议条款（至少一条，{law}）</source>
        <translation>Enter the terms the parties agreed on (at least one, {law})</translation>
    </message>
    <message>
        <source>协议条款不超过{limit}条</source>
        <translation>At most {limit} terms</translation>
    </message>
    <message>
        <source>第{n}条不超过{limit}个字</source>
        <translation>Term {n}: at most {limit} characters</translation>
    </message>
    <message>
        <source>协议达成日期不能晚于今天（{today}）</source>
        <translation>The agreement date cannot be later than today ({today})</translation>
    </message>
    <message>
        <source>责任承担人不是本案当事人</source>
        <translation>The liable person is not a party to this case</translation>
    </message>
    <message>
        <source>同一当事人只能有一项责任</source>
        <translation>Each party can have only one liability entry</translation>
    </message>
    <message>
        <source>责任内容不超过{limit}个字</source>
        <translation>Liability: at most {limit} characters</translation>
    </message>
    <message>
        <source>只有交通事故、医疗纠纷协议填写责任比例</source>
        <translation>Liability shares apply only to traffic accident and medical dispute agreements</translation>
    </message>
    <message>
        <source>请填写应付日期</source>
        <translation>Enter the due date</translation>
    </message>
    <message>
        <source>请选择付款人</source>
        <translation>Choose the payer</translation>
    </message>
    <message>
        <source>请选择收款人</source>
        <translation>Choose the payee</translation>
    </message>
    <message>
        <source>请填写协议金额（各期合计 {total:,.2f} 元）</source>
        <translation>Enter the agreed amount (the instalments total {total:,.2f} yuan)</translation>
    </message>
    <message>
        <source>该案件已不存在</source>
        <translation>This case no longer exists</translation>
    </message>
    <message>
        <source>协议达成日期不能早于受理日（{day}）</source>
        <translation>The agreement date cannot be earlier than the acceptance date ({day})</translation>
    </message>
    <message>
        <source>各方责任比例之和应为 100%（现为 {total}）</source>
        <translation>The liability shares must add up to 100% (now {total})</translation>
    </message>
    <message>
        <source>每期金额应大于 0</source>
        <translation>Each instalment must be more than 0</translation>
    </message>
    <message>
        <source>应付日期不能早于协议达成日期（{day}）</source>
        <translation>The due date cannot be earlier than the agreement date ({day})</translation>
    </message>
    <message>
        <source>付款人不是本案当事人</source>
        <translation>The payer is not a party to this case</translation>
    </message>
    <message>
        <source>收款人不是本案当事人</source>
        <translation>The payee is not a party to this case</translation>
    </message>
    <message>
        <source>协议金额 {amount:,.2f} 元与各期合计 {total:,.2f} 元不一致</source>
        <translation>The agreed amount of {amount:,.2f} yuan differs from the instalments&apos; total of {total:,.2f} yuan</translation>
    </message>
    <message>
        <source>调解协议已于{day}生效，不能再修改（《人民调解法》第三十一条）</source>
        <translation>The mediation agreement took effect on {day} and can no longer be changed (People&apos;s Mediation Law, Art. 31)</translation>
    </message>
    <message>
        <source>案件{status}，只能为已受理或调解中的案件制作调解协议</source>
        <translation>The case is {status}: an agreement can only be drawn up for an accepted case or one being mediated</translation>
    </message>
    <message>
        <source>金额应为数字（单位：元），如 12000 或 3500.50</source>
        <translation>The amount must be a number in yuan, e.g. 12000 or 3500.50</translation>
    </message>
    <message>
        <source>已填写责任比例的，各方当事人均应填写（可填 0）</source>
        <translation>Once liability shares are given, every party needs one (0 is allowed)</translation>
    </message>
    <message>
        <source>付款人和收款人不能是同一当事人</source>
        <translation>The payer and the payee cannot be the same party</translation>
    </message>
    <message>
        <source>已有付款记录，不能再修改分期安排</source>
        <translation>Payments have been recorded: the instalments can no longer be changed</translation>
    </message>
    <message>
        <source>该调解协议已不存在</source>
        <translation>This mediation agreement no longer exists</translation>
    </message>
    <message>
        <source>口头协议无需签名，自达成之日起生效（{law}）</source>
        <translation>An oral agreement needs no signatures; it takes effect on the day it is reached ({law})</translation>
    </message>
    <message>
        <source>调解协议已于{day}生效，签名不能再更改</source>
        <translation>The mediation agreement took effect on {day}: the signatures can no longer be changed</translation>
    </message>
    <message>
        <source>签名日期不能晚于今天</source>
        <translation>The signing date cannot be later than today</translation>
    </message>
    <message>
        <source>签名日期不能早于协议达成日期（{day}）</source>
        <translation>The signing date cannot be earlier than the agreement date ({day})</translation>
    </message>
    <message>
        <source>本案尚未指定调解员</source>
        <translation>No mediator has been assigned to this case yet</translation>
    </message>
    <message>
        <source>签名人不是本案当事人</source>
        <translation>The signer is not a party to this case</translation>
    </message>
    <message>
        <source>代理人未提交授权委托书，不能代为签名</source>
        <translation>The agent has not submitted a power of attorney and cannot sign for the party</translation>
    </message>
    <message>
        <source>医疗纠纷案件的详情（案情、当事人信息、调解记录和文书）仅限医患纠纷人民调解委员会的调解员和中心主任查看（个人信息保护法第二十八条：医疗信息属于敏感个人信息）</source>
        <translation>The details of a medical dispute (facts, parties&apos; particulars, session records and documents) are only for the mediators of the Medical Dispute People&apos;s Mediation Committee and the director (Personal Information Protection Law, Art. 28: medical information is sensitive personal information)</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>The new password</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>The initial password</translation>
    </message>
    <message>
        <source>临时密码</source>
        <translation>The temporary password</translation>
    </message>
    <message>
        <source>调解员只能办理本委员会的案件</source>
        <translation>Mediators can only work on the cases of their own committees</translation>
    </message>
    <message>
        <source>{what}至少{length}位</source>
        <translation>{what} must have at least {length} characters</translation>
    </message>
    <message>
        <source>{what}须同时包含字母和数字</source>
        <translation>{what} must contain both letters and digits</translation>
    </message>
    <message>
        <source>{what}不能与用户名相同</source>
        <translation>{what} cannot be the same as the user name</translation>
    </message>
    <message>
        <source>{role}无权执行此操作（{permission}）</source>
        <translation>The {role} role may not do this ({permission})</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>未知角色：{role}</source>
        <translation>Unknown role: {role}</translation>
    </message>
    <message>
        <source>密码连续输错{failures}次，账号已锁定，请{minutes}分钟后再试</source>
        <translation>Wrong password {failures} times in a row: the account is locked; try again in {minutes} min</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>密码连续输错{failures}次，账号已锁定{minutes}分钟</source>
        <translation>Wrong password {failures} times in a row: the account is locked for {minutes} minutes</translation>
    </message>
    <message>
        <source>用户名或密码不正确（再错{left}次将锁定账号）</source>
        <translation>Wrong user name or password (attempts left before the account is locked: {left})</translation>
    </message>
    <message>
        <source>数据库正在被使用：请先关闭所有使用该数据库的调解超市前台窗口，再进行恢复</source>
        <translation>The database is in use: close every Mediation Centre Front Desk window using it, then restore</translation>
    </message>
    <message>
        <source>找不到数据库文件：{path}</source>
        <translation>Database file not found: {path}</translation>
    </message>
    <message>
        <source>数据库完整性检查未通过：{problems}</source>
        <translation>The database failed its integrity check: {problems}</translation>
    </message>
    <message>
        <source>未找到 pg_dump：请在本机安装 PostgreSQL 客户端工具（与服务器同一或更新的版本），或将其所在目录加入 PATH 后重试</source>
        <translation>pg_dump not found: install the PostgreSQL client tools on this PC (the server&apos;s version or newer) or add their folder to PATH, then try again</translation>
    </message>
    <message>
        <source>{tool} 执行失败（返回码 {code}）：{error}</source>
        <translation>{tool} failed (exit code {code}): {error}</translation>
    </message>
    <message>
        <source>未找到 pg_restore：无法检查 PostgreSQL 备份文件</source>
        <translation>pg_restore not found: the PostgreSQL backup file cannot be checked</translation>
    </message>
    <message>
        <source>PostgreSQL 备份文件检查未通过：{error}</source>
        <translation>The PostgreSQL backup file failed its check: {error}</translation>
    </message>
    <message>
        <source>找不到备份文件：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <source>备份文件已损坏：数据校验值（SHA-256）与清单不符</source>
        <translation>The backup file is damaged: its checksum (SHA-256) does not match the manifest</translation>
    </message>
    <message>
        <source>备份中的数据库尚未初始化（没有结构版本），不能用于恢复</source>
        <translation>The database in the backup was never initialised (no schema version) and cannot be restored</translation>
    </message>
    <message>
        <source>备份的数据库结构版本 {revision} 比本程序新（由 {version} 版创建），请先将本机的调解超市前台升级到最新版本再恢复</source>
        <translation>The backup&apos;s schema version {revision} is newer than this program (made by version {version}): update Mediation Centre Front Desk on this PC first, then restore</translation>
    </message>
    <message>
        <source>恢复将覆盖当前数据库中的全部数据，须确认后才能进行</source>
        <translation>Restoring overwrites all data in the current database and needs your confirmation</translation>
    </message>
    <message>
        <source>未找到 pg_restore：请在本机安装 PostgreSQL 客户端工具，或将其所在目录加入 PATH 后重试</source>
        <translation>pg_restore not found: install the PostgreSQL client tools on this PC or add their folder to PATH, then try again</translation>
    </message>
    <message>
        <source>保留份数至少为 1</source>
        <translation>Keep at least 1 backup</translation>
    </message>
    <message>
        <source>内存数据库不能备份或恢复</source>
        <translation>An in-memory database cannot be backed up or restored</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{error}</source>
        <translation>The database file is damaged: {error}</translation>
    </message>
    <message>
        <source>备份文件已损坏或不是调解超市前台的备份：{error}</source>
        <translation>The backup file is damaged or is not a Mediation Centre Front Desk backup: {error}</translation>
    </message>
    <message>
        <source>备份文件已损坏：{error}</source>
        <translation>The backup file is damaged: {error}</translation>
    </message>
    <message>
        <source>备份文件已损坏：数据库结构版本与清单不符</source>
        <translation>The backup file is damaged: its schema version does not match the manifest</translation>
    </message>
    <message>
        <source>备份来自 {source} 数据库，不能恢复到 {target} 数据库</source>
        <translation>The backup is of a {source} database and cannot be restored to a {target} database</translation>
    </message>
    <message>
        <source>不支持备份此类数据库：{backend}</source>
        <translation>This kind of database cannot be backed up: {backend}</translation>
    </message>
    <message>
        <source>备份文件格式不正确（清单中缺少数据文件）</source>
        <translation>Wrong backup file format (the manifest names no data file)</translation>
    </message>
    <message>
        <source>不支持恢复此类数据库：{backend}</source>
        <translation>This kind of database cannot be restored: {backend}</translation>
    </message>
    <message>
        <source>1月</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>2月</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>3月</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>4月</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>5月</source>
        <translation>May</translation>
    </message>
    <message>
        <source>6月</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>7月</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>8月</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>9月</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>10月</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>11月</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>12月</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>{month}{day}日（{weekday}）</source>
        <translation>{weekday} {day} {month}</translation>
    </message>
    <message>
        <source>工作时间为{hours}</source>
        <translation>working hours {hours}</translation>
    </message>
    <message>
        <source>{name}假期</source>
        <translation>the {name} holiday</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>a day off</translation>
    </message>
    <message>
        <source>放假日</source>
        <translation>a public holiday</translation>
    </message>
    <message>
        <source>{who}：{time} {busy}（{number}）</source>
        <translation>{who}: {time} {busy} ({number})</translation>
    </message>
    <message>
        <source>请选择案件</source>
        <translation>Choose a case</translation>
    </message>
    <message>
        <source>调解时长至少{minutes}分钟</source>
        <translation>A session lasts at least {minutes} minutes</translation>
    </message>
    <message>
        <source>请选择调解室</source>
        <translation>Choose a mediation room</translation>
    </message>
    <message>
        <source>请至少选择一名调解员（人民调解法第十九条）</source>
        <translation>Choose at least one mediator (People&apos;s Mediation Law, Art. 19)</translation>
    </message>
    <message>
        <source>请至少邀请一方当事人</source>
        <translation>Invite at least one party</translation>
    </message>
    <message>
        <source>事由不超过{limit}个字</source>
        <translation>Purpose: at most {limit} characters</translation>
    </message>
    <message>
        <source>改期</source>
        <translation>rescheduling</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>cancellation</translation>
    </message>
    <message>
        <source>{slot}（换调解室）</source>
        <translation>{slot} (another room)</translation>
    </message>
    <message>
        <source>未设置工作时间</source>
        <translation>No working hours are set</translation>
    </message>
    <message>
        <source>{time}不在工作时间内（{hours}）</source>
        <translation>{time} is not within working hours ({hours})</translation>
    </message>
    <message>
        <source>{year}年{day}是{rest}，不安排调解</source>
        <translation>{day} {year} is {rest}: no sessions are booked</translation>
    </message>
    <message>
        <source>已安排调解</source>
        <translation>is booked</translation>
    </message>
    <message>
        <source>已有调解安排</source>
        <translation>already has a session</translation>
    </message>
    <message>
        <source>{clash}，前后须间隔{minutes}分钟</source>
        <translation>{clash}; sessions must be {minutes} min apart</translation>
    </message>
    <message>
        <source>调解时长不超过8小时</source>
        <translation>A session lasts at most 8 hours</translation>
    </message>
    <message>
        <source>该调解室已不存在</source>
        <translation>This mediation room no longer exists</translation>
    </message>
    <message>
        <source>所选专家已不存在</source>
        <translation>The chosen expert no longer exists</translation>
    </message>
    <message>
        <source>{year}年的放假调休安排尚未录入，按周末和法定节假日推算，请管理员在日历调整表中录入国务院公布的安排</source>
        <translation>The holiday schedule for {year} has not been entered, so weekends and statutory holidays are assumed: the administrator should enter the State Council&apos;s schedule in the calendar adjustments</translation>
    </message>
    <message>
        <source>该预约已不存在</source>
        <translation>This appointment no longer exists</translation>
    </message>
    <message>
        <source>调解员只能处理本委员会案件的预约</source>
        <translation>Mediators can only handle appointments of their own committees&apos; cases</translation>
    </message>
    <message>
        <source>未知的到场情况：{attendance}</source>
        <translation>Unknown attendance: {attendance}</translation>
    </message>
    <message>
        <source>所选时间不能预约</source>
        <translation>The chosen time cannot be booked</translation>
    </message>
    <message>
        <source>工作时间格式不正确：{part}</source>
        <translation>Wrong working hours format: {part}</translation>
    </message>
    <message>
        <source>工作时间段开始应早于结束：{part}</source>
        <translation>A working period must start before it ends: {part}</translation>
    </message>
    <message>
        <source>工作时间段重叠</source>
        <translation>Working periods overlap</translation>
    </message>
    <message>
        <source>调解不能跨日（{hours}）</source>
        <translation>A session cannot run into the next day ({hours})</translation>
    </message>
    <message>
        <source>{time}超出工作时间（{hours}）</source>
        <translation>{time} is outside working hours ({hours})</translation>
    </message>
    <message>
        <source>{at:%Y-%m-%d %H:%M} 已过，请选择以后的时间</source>
        <translation>{at:%Y-%m-%d %H:%M} has passed: choose a later time</translation>
    </message>
    <message>
        <source>请填写调解时长</source>
        <translation>Enter the length of the session</translation>
    </message>
    <message>
        <source>案件已{status}，不能再预约调解</source>
        <translation>The case is {status}: no more sessions can be booked</translation>
    </message>
    <message>
        <source>{name}已停用</source>
        <translation>{name} is no longer in use</translation>
    </message>
    <message>
        <source>所选调解员已不存在</source>
        <translation>The chosen mediator no longer exists</translation>
    </message>
    <message>
        <source>专家{name}已不在专家库中</source>
        <translation>Expert {name} is no longer in the pool</translation>
    </message>
    <message>
        <source>所邀请的当事人不属于本案</source>
        <translation>An invited party is not a party to this case</translation>
    </message>
    <message>
        <source>请填写{what}原因</source>
        <translation>Enter the reason for the {what}</translation>
    </message>
    <message>
        <source>{what}原因不超过{limit}个字</source>
        <translation>Reason for “{what}”: at most {limit} characters</translation>
    </message>
    <message>
        <source>该预约{status}，不能改期</source>
        <translation>This appointment is {status} and cannot be rescheduled</translation>
    </message>
    <message>
        <source>该预约{status}，不能取消</source>
        <translation>This appointment is {status} and cannot be cancelled</translation>
    </message>
    <message>
        <source>该邀请记录已不存在</source>
        <translation>This invitation no longer exists</translation>
    </message>
    <message>
        <source>该预约已取消，不能登记到场情况</source>
        <translation>This appointment was cancelled: attendance cannot be recorded</translation>
    </message>
    <message>
        <source>调解定于{day:%Y-%m-%d}，当天才能登记到场情况</source>
        <translation>The session is on {day:%Y-%m-%d}: attendance can be recorded from that day</translation>
    </message>
    <message>
        <source>{time}与午休时间（{lunch}）冲突，请安排在{hours}之内</source>
        <translation>{time} overlaps the lunch break ({lunch}): book within {hours}</translation>
    </message>
    <message>
        <source>调解员{name}</source>
        <translation>Mediator {name}</translation>
    </message>
    <message>
        <source>专家{name}</source>
        <translation>Expert {name}</translation>
    </message>
    <message>
        <source>调解员只能为本委员会的案件预约调解</source>
        <translation>Mediators can only book sessions for their own committees&apos; cases</translation>
    </message>
    <message>
        <source>{name}不是调解员</source>
        <translation>{name} is not a mediator</translation>
    </message>
    <message>
        <source>专家{name}参与调解须经当事人同意（人民调解法第二十条），本案尚未记录同意</source>
        <translation>Expert {name} may take part only with the parties&apos; consent (People&apos;s Mediation Law, Art. 20), and none is recorded for this case</translation>
    </message>
    <message>
        <source>调解员{name}的账号已停用</source>
        <translation>Mediator {name}&apos;s account is deactivated</translation>
    </message>
    <message>
        <source>本委员会</source>
        <translation>this committee</translation>
    </message>
    <message>
        <source>所选时间刚被其他工作站预约，请另选时间</source>
        <translation>Another workstation has just booked this time: choose another</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>请选择日期</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>名称不超过{limit}个字</source>
        <translation>Name: at most {limit} characters</translation>
    </message>
    <message>
        <source>年份不正确</source>
        <translation>Wrong year</translation>
    </message>
    <message>
        <source>{day} 没有调整记录</source>
        <translation>{day} has no adjustment</translation>
    </message>
    <message>
        <source>《医疗纠纷预防和处理条例》第三十八条</source>
        <translation>Regulation on the Prevention and Handling of Medical Disputes, Art. 38</translation>
    </message>
    <message>
        <source>《劳动争议调解仲裁法》第十四条</source>
        <translation>Labour Dispute Mediation and Arbitration Law, Art. 14</translation>
    </message>
    <message>
        <source>案件{status}，调解期限不再计算</source>
        <translation>The case is {status}: the mediation time limit no longer runs</translation>
    </message>
    <message>
        <source>暂停原因不超过200个字</source>
        <translation>Reason for the pause: at most 200 characters</translation>
    </message>
    <message>
        <source>延长天数应为1至{limit}</source>
        <translation>The extension must be 1 to {limit} days</translation>
    </message>
    <message>
        <source>同意日期不能晚于今天</source>
        <translation>The date of consent cannot be later than today</translation>
    </message>
    <message>
        <source>说明不超过200个字</source>
        <translation>Note: at most 200 characters</translation>
    </message>
    <message>
        <source>只有医疗纠纷的调解期限可因医疗损害鉴定暂停计算（{law}）</source>
        <translation>Only a medical dispute&apos;s time limit can be paused for a medical damage assessment ({law})</translation>
    </message>
    <message>
        <source>暂停开始日不能晚于今天</source>
        <translation>The pause cannot start later than today</translation>
    </message>
    <message>
        <source>暂停开始日不能早于受理日（{day}）</source>
        <translation>The pause cannot start before the acceptance date ({day})</translation>
    </message>
    <message>
        <source>鉴定期间自{day}起尚未结束，请先登记鉴定结束</source>
        <translation>The assessment running since {day} has not ended: record its end first</translation>
    </message>
    <message>
        <source>暂停开始日须晚于上次鉴定结束日（{day}）</source>
        <translation>The pause must start after the previous assessment ended ({day})</translation>
    </message>
    <message>
        <source>本案没有进行中的鉴定期间</source>
        <translation>This case has no assessment under way</translation>
    </message>
    <message>
        <source>鉴定结束日不能晚于今天</source>
        <translation>The assessment cannot end later than today</translation>
    </message>
    <message>
        <source>鉴定结束日不能早于开始日（{day}）</source>
        <translation>The assessment cannot end before it started ({day})</translation>
    </message>
    <message>
        <source>劳动争议调解期限为法定期间，不能延长（{law}）</source>
        <translation>A labour dispute&apos;s mediation time limit is statutory and cannot be extended ({law})</translation>
    </message>
    <message>
        <source>{day}（暂定）</source>
        <translation>{day} (provisional)</translation>
    </message>
    <message>
        <source>延长调解期限须经双方当事人同意；尚未记录同意：{names}</source>
        <translation>Extending the time limit needs the consent of both sides; no consent recorded yet: {names}</translation>
    </message>
    <message>
        <source>调解期限已于{due}届满，不能再延长（{law}：期满未达成协议的视为调解不成）</source>
        <translation>The mediation time limit expired on {due} and can no longer be extended ({law}: without an agreement by then, mediation counts as failed)</translation>
    </message>
    <message>
        <source>调解期限已于{due}届满，不能再延长</source>
        <translation>The mediation time limit expired on {due} and can no longer be extended</translation>
    </message>
    <message>
        <source>案号格式须包含 {{prefix}}、{{year}} 和 {{seq}}，否则案号会重复</source>
        <translation>The case number format must contain {{prefix}}, {{year}} and {{seq}}, or case numbers repeat</translation>
    </message>
    <message>
        <source>案号格式有误：{error}（可用 {{county}} {{prefix}} {{year}} {{seq}}）</source>
        <translation>Wrong case number format: {error} (available: {{county}} {{prefix}} {{year}} {{seq}})</translation>
    </message>
    <message>
        <source>《医疗纠纷预防和处理条例》第三十七条</source>
        <translation>Regulation on the Prevention and Handling of Medical Disputes, Art. 37</translation>
    </message>
    <message>
        <source>《人民调解法》第十九条</source>
        <translation>People&apos;s Mediation Law, Art. 19</translation>
    </message>
    <message>
        <source>《人民调解法》第二十条</source>
        <translation>People&apos;s Mediation Law, Art. 20</translation>
    </message>
    <message>
        <source>{law}第一项：是当事人或者当事人的近亲属</source>
        <translation>{law}(1): is a party or a close relative of a party</translation>
    </message>
    <message>
        <source>{law}第二项：与纠纷有利害关系</source>
        <translation>{law}(2): has an interest in the dispute</translation>
    </message>
    <message>
        <source>{law}第三项：与当事人有其他关系，可能影响公正处理</source>
        <translation>{law}(3): has another relationship with a party that may affect fair handling</translation>
    </message>
    <message>
        <source>本人是当事人</source>
        <translation>Is a party</translation>
    </message>
    <message>
        <source>申报的亲属关系</source>
        <translation>Declared family relationship</translation>
    </message>
    <message>
        <source>申报的利害关系</source>
        <translation>Declared interest</translation>
    </message>
    <message>
        <source>申报的其他关系</source>
        <translation>Other declared relationship</translation>
    </message>
    <message>
        <source>同一单位</source>
        <translation>Same organisation</translation>
    </message>
    <message>
        <source>原工作单位</source>
        <translation>Former employer</translation>
    </message>
    <message>
        <source>与当事人同单位</source>
        <translation>Same workplace as a party</translation>
    </message>
    <message>
        <source>曾代理一方当事人</source>
        <translation>Acted for a party before</translation>
    </message>
    <message>
        <source>曾代理对方</source>
        <translation>Acted for the other side before</translation>
    </message>
    <message>
        <source>曾与当事人对立</source>
        <translation>Was opposed to a party before</translation>
    </message>
    <message>
        <source>已准予回避</source>
        <translation>Recusal granted</translation>
    </message>
    <message>
        <source>回避申请待决定</source>
        <translation>Recusal request pending</translation>
    </message>
    <message>
        <source>口头</source>
        <translation>Oral</translation>
    </message>
    <message>
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>准予回避</source>
        <translation>Recusal granted</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>{role}“{name}”</source>
        <translation>{role} “{name}”</translation>
    </message>
    <message>
        <source>代理人“{name}”</source>
        <translation>agent “{name}”</translation>
    </message>
    <message>
        <source>该调解员</source>
        <translation>This mediator</translation>
    </message>
    <message>
        <source>{who}存在回避事由，不能参与本案：{reasons}</source>
        <translation>{who} has grounds for recusal and cannot take part in this case: {reasons}</translation>
    </message>
    <message>
        <source>“{principal}”的代理人“{name}”</source>
        <translation>“{principal}”&apos;s agent “{name}”</translation>
    </message>
    <message>
        <source>参照{basis}</source>
        <translation>by analogy with {basis}</translation>
    </message>
    <message>
        <source>{kind}：疑似（仅姓名相同，未核对证件）{text}（{basis}）</source>
        <translation>{kind}: possibly (same name only, ID not checked) {text} ({basis})</translation>
    </message>
    <message>
        <source>{kind}：{text}（{basis}）</source>
        <translation>{kind}: {text} ({basis})</translation>
    </message>
    <message>
        <source>{who}申报与“{name}”的关系为“{relation}”，即本案{party}</source>
        <translation>{who} declared the relationship “{relation}” with “{name}”, who is the case&apos;s {party}</translation>
    </message>
    <message>
        <source>当事人“{name}”</source>
        <translation>Party “{name}”</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>A party</translation>
    </message>
    <message>
        <source>请指定一位专家或一位调解员</source>
        <translation>Name one expert or one mediator</translation>
    </message>
    <message>
        <source>该当事人不属于本案</source>
        <translation>This party is not a party to this case</translation>
    </message>
    <message>
        <source>请记录在被代理的当事人名下（代理人代为表示的，在备注中说明）</source>
        <translation>Record it under the party represented (if the agent spoke for them, say so in the note)</translation>
    </message>
    <message>
        <source>该专家</source>
        <translation>This expert</translation>
    </message>
    <message>
        <source>请写明放行理由（不少于4个字）</source>
        <translation>Give the reason for the override (at least 4 characters)</translation>
    </message>
    <message>
        <source>不能为本人的回避事由放行，请由其他调解员或中心决定</source>
        <translation>You cannot override your own grounds for recusal: another mediator or the centre decides</translation>
    </message>
    <message>
        <source>形式应为口头或书面</source>
        <translation>The form must be oral or written</translation>
    </message>
    <message>
        <source>请指定申请回避的专家或调解员</source>
        <translation>Name the expert or mediator whose recusal is requested</translation>
    </message>
    <message>
        <source>申请形式应为口头或书面</source>
        <translation>The request must be oral or written</translation>
    </message>
    <message>
        <source>请记录申请回避的理由（口头申请的，记录其陈述）</source>
        <translation>Record the grounds for the recusal request (for an oral request, what the party said)</translation>
    </message>
    <message>
        <source>{who}本人即本案{party}</source>
        <translation>{who} is the case&apos;s {party}</translation>
    </message>
    <message>
        <source>{by}于{on:%Y-%m-%d}{form}申请{who}回避，已于{decided:%Y-%m-%d}准予</source>
        <translation>{by} asked on {on:%Y-%m-%d} ({form}) for {who} to step aside; granted on {decided:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>{by}于{on:%Y-%m-%d}{form}申请{who}回避，尚未决定</source>
        <translation>{by} asked on {on:%Y-%m-%d} ({form}) for {who} to step aside; not yet decided</translation>
    </message>
    <message>
        <source>该专家已不存在</source>
        <translation>This expert no longer exists</translation>
    </message>
    <message>
        <source>该用户已不存在</source>
        <translation>This user no longer exists</translation>
    </message>
    <message>
        <source>未发现回避事由，无需放行</source>
        <translation>No grounds for recusal were found: nothing to override</translation>
    </message>
    <message>
        <source>当事人的回避申请已获准，不能放行</source>
        <translation>A party&apos;s recusal request was granted: it cannot be overridden</translation>
    </message>
    <message>
        <source>所选人员不是在岗调解员</source>
        <translation>The person chosen is not an active mediator</translation>
    </message>
    <message>
        <source>该回避申请已不存在</source>
        <translation>This recusal request no longer exists</translation>
    </message>
    <message>
        <source>该回避申请已决定（{outcome}）</source>
        <translation>This recusal request has been decided ({outcome})</translation>
    </message>
    <message>
        <source>不能自行决定对本人的回避申请</source>
        <translation>You cannot decide a recusal request against yourself</translation>
    </message>
    <message>
        <source>当事人要求更换调解员的，应当更换（《人民调解工作若干规定》）</source>
        <translation>When a party asks for another mediator, the mediator must be replaced (Several Provisions on People&apos;s Mediation Work)</translation>
    </message>
    <message>
        <source>驳回回避申请须写明理由（{law}）</source>
        <translation>Refusing a recusal request needs a stated reason ({law})</translation>
    </message>
    <message>
        <source>选定调解员</source>
        <translation>Chose the mediator</translation>
    </message>
    <message>
        <source>{who}的工作单位“{agency}”即本案{party}</source>
        <translation>{who}&apos;s employer “{agency}” is the case&apos;s {party}</translation>
    </message>
    <message>
        <source>{who}的原工作单位“{agency}”即本案{party}</source>
        <translation>{who}&apos;s former employer “{agency}” is the case&apos;s {party}</translation>
    </message>
    <message>
        <source>专家{name}已停用，不能邀请</source>
        <translation>Expert {name} is inactive and cannot be invited</translation>
    </message>
    <message>
        <source>同意专家参与</source>
        <translation>Consented to the expert</translation>
    </message>
    <message>
        <source>不同意专家参与</source>
        <translation>Refused the expert</translation>
    </message>
    <message>
        <source>{verb}（{form}）{note}</source>
        <translation>{verb} ({form}) {note}</translation>
    </message>
    <message>
        <source>{form}申请回避：{reason}；{outcome}</source>
        <translation>{form} recusal request: {reason}; {outcome}</translation>
    </message>
    <message>
        <source>放行：{reason}（回避事由：{conflicts}）</source>
        <translation>Override: {reason} (grounds: {conflicts})</translation>
    </message>
    <message>
        <source>{who}与本案{party}同在“{agency}”工作</source>
        <translation>{who} and the case&apos;s {party} both work at “{agency}”</translation>
    </message>
    <message>
        <source>{who}曾在{number}中担任本案当事人“{name}”的代理人</source>
        <translation>{who} was the agent of this case&apos;s party “{name}” in {number}</translation>
    </message>
    <message>
        <source>{who}曾在{number}中与本案当事人“{name}”互为对方当事人</source>
        <translation>{who} was on the opposite side to this case&apos;s party “{name}” in {number}</translation>
    </message>
    <message>
        <source>{who}曾在{number}中与本案当事人“{name}”同为{role}</source>
        <translation>{who} was, like this case&apos;s party “{name}”, a {role} in {number}</translation>
    </message>
    <message>
        <source>{who}的原工作单位“{agency}”是本案{party}的工作单位</source>
        <translation>{who}&apos;s former employer “{agency}” is where the case&apos;s {party} works</translation>
    </message>
    <message>
        <source>{who}曾在{number}中代理“{client}”，与本案当事人“{name}”相对</source>
        <translation>{who} acted for “{client}” against this case&apos;s party “{name}” in {number}</translation>
    </message>
    <message>
        <source>与数据库的连接中断（服务器未响应或网络不通）</source>
        <translation>The connection to the database was lost (the server does not answer or the network is down)</translation>
    </message>
    <message>
        <source>延长天数不能为负数</source>
        <translation>The extension cannot be negative</translation>
    </message>
    <message>
        <source>未知的期限类型：{kind}（可选：{kinds}）</source>
        <translation>Unknown kind of time limit: {kind} (choose from: {kinds})</translation>
    </message>
    <message>
        <source>只有医疗纠纷（medical）可以扣除鉴定期间</source>
        <translation>Only medical disputes (medical) can leave out assessment periods</translation>
    </message>
    <message>
        <source>{kind}为法定期间，不能延长</source>
        <translation>The {kind} is statutory and cannot be extended</translation>
    </message>
    <message>
        <source>鉴定期间的结束日早于开始日：{start}至{end}</source>
        <translation>An assessment period ends before it starts: {start} to {end}</translation>
    </message>
    <message>
        <source>鉴定期间不能早于受理日（{accepted}）：{start}</source>
        <translation>An assessment period cannot start before the acceptance date ({accepted}): {start}</translation>
    </message>
    <message>
        <source>未检测到身份证：请把身份证平放在读卡器感应区后再读</source>
        <translation>No ID card detected: lay the card flat on the reader, then read again</translation>
    </message>
    <message>
        <source>{what}无法识别：“{text}”，请重新读卡或手工录入</source>
        <translation>Cannot read the {what}: “{text}”; read the card again or type it in</translation>
    </message>
    <message>
        <source>性别无法识别：“{text}”，请重新读卡或手工录入</source>
        <translation>Cannot read the sex: “{text}”; read the card again or type it in</translation>
    </message>
    <message>
        <source>未知的身份证阅读器设置：“{setting}”（可选 simulator、termb 或 termb:驱动路径）</source>
        <translation>Unknown ID card reader setting: “{setting}” (use simulator, termb or termb:&lt;driver path&gt;)</translation>
    </message>
    <message>
        <source>读到的身份证信息不完整（缺少姓名或号码），请把身份证拿开后重新放上</source>
        <translation>The card data read is incomplete (no name or number): take the card off and put it back</translation>
    </message>
    <message>
        <source>姓名含读卡器无法显示的生僻字（显示为“?”），请对照证件手工改正</source>
        <translation>The name has a rare character the reader cannot show (shown as “?”): correct it by hand from the card</translation>
    </message>
    <message>
        <source>证件号码校验未通过：{error}</source>
        <translation>The ID number failed its check: {error}</translation>
    </message>
    <message>
        <source>未找到身份证阅读器：已尝试 USB 端口和串口 COM1–COM16。请检查读卡器的连接线和电源，并确认已安装厂商驱动</source>
        <translation>No ID card reader found on the USB ports or serial ports COM1–COM16. Check the reader&apos;s cable and power, and that the maker&apos;s driver is installed</translation>
    </message>
    <message>
        <source>身份证阅读器驱动（termb.dll）只能在 Windows 上使用；本机请在设置中选择“模拟读卡器”</source>
        <translation>The ID card reader driver (termb.dll) works only on Windows; on this PC choose the simulated reader in the settings</translation>
    </message>
    <message>
        <source>本机未配置身份证阅读器：请管理员在系统设置 idcard_reader 中选择读卡器（termb 或 simulator），或手工录入</source>
        <translation>No ID card reader is set up on this PC: the administrator can choose one in the idcard_reader setting (termb or simulator); or type the details in</translation>
    </message>
    <message>
        <source>读卡器未打开</source>
        <translation>The card reader is not open</translation>
    </message>
    <message>
        <source>读取身份证信息失败（返回码 {code}）：请把身份证拿开后重新放上</source>
        <translation>Reading the ID card failed (code {code}): take the card off and put it back</translation>
    </message>
    <message>
        <source>无法加载身份证阅读器驱动 {path}：请安装读卡器厂商的驱动，或在设置中填写 termb.dll 的完整路径（本程序为{bits}位，驱动也须为{bits}位）。详情：{error}</source>
        <translation>Cannot load the ID card reader driver {path}: install the reader maker&apos;s driver, or enter the full path of termb.dll in the settings (this program is {bits}-bit, so the driver must be {bits}-bit too). Details: {error}</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>有效期起始日期</source>
        <translation>start of validity</translation>
    </message>
    <message>
        <source>有效期截止日期</source>
        <translation>end of validity</translation>
    </message>
    <message>
        <source>与身份证阅读器的连接已断开：请检查连接线后重试</source>
        <translation>The connection to the ID card reader was lost: check the cable and try again</translation>
    </message>
    <message>
        <source>票据打印机设置无法识别：{spec}（USB 写作 escpos:usb:厂商号:产品号，十六进制；网络打印机写作 escpos:net:地址[:端口]）</source>
        <translation>Unrecognised ticket printer setting: {spec} (USB: escpos:usb:vendor:product in hex; network printer: escpos:net:address[:port])</translation>
    </message>
    <message>
        <source>票据纸宽只能是 80 或 58 毫米，不是 {paper!r}</source>
        <translation>The ticket paper must be 80 or 58 mm wide, not {paper!r}</translation>
    </message>
    <message>
        <source>票据打印机设置无法识别：{spec}（例如 escpos:usb:0416:5011 或 escpos:net:192.168.1.50）</source>
        <translation>Unrecognised ticket printer setting: {spec} (e.g. escpos:usb:0416:5011 or escpos:net:192.168.1.50)</translation>
    </message>
    <message>
        <source>网络 {host}:{port}</source>
        <translation>network {host}:{port}</translation>
    </message>
    <message>
        <source>串口 {device}</source>
        <translation>serial port {device}</translation>
    </message>
    <message>
        <source>票据打印机（{printer}）无法打印：{error}。请检查打印机电源、纸张和连接线，或改用 PDF 打印。</source>
        <translation>The ticket printer ({printer}) cannot print: {error}. Check the printer&apos;s power, paper and cable, or print the PDF ticket instead.</translation>
    </message>
    <message>
        <source>案件{number}的调解协议尚未生效（尚未签名：{names}）</source>
        <translation>The agreement of case {number} has not taken effect (not signed yet: {names})</translation>
    </message>
    <message>
        <source>案件{number}没有当事人</source>
        <translation>Case {number} has no parties</translation>
    </message>
    <message>
        <source>案件{number}没有调查记录（调查记录的调解事项以“{word}”开头）</source>
        <translation>Case {number} has no investigation record (an investigation record&apos;s matter starts with “{word}”)</translation>
    </message>
    <message>
        <source>案件{number}没有调解协议</source>
        <translation>Case {number} has no mediation agreement</translation>
    </message>
    <message>
        <source>案件{number}为口头协议，不能申请司法确认（司法确认针对书面调解协议）</source>
        <translation>Case {number} has an oral agreement: judicial confirmation is only for written agreements</translation>
    </message>
    <message>
        <source>没有编号为“{number}”的案件</source>
        <translation>There is no case numbered “{number}”</translation>
    </message>
    <message>
        <source>案件{number}系{source}，没有当事人申请书（请打印受理登记表 registration）</source>
        <translation>Case {number} came by “{source}” and has no party application (print the intake form, registration)</translation>
    </message>
    <message>
        <source>案件{number}还没有调解记录</source>
        <translation>Case {number} has no session records yet</translation>
    </message>
    <message>
        <source>案件{number}的协议是口头协议，请打印口头协议登记表（oral_agreement）</source>
        <translation>Case {number} has an oral agreement: print the oral agreement record (oral_agreement)</translation>
    </message>
    <message>
        <source>案件{number}的协议是书面协议，请打印调解协议书（agreement）</source>
        <translation>Case {number} has a written agreement: print the mediation agreement (agreement)</translation>
    </message>
    <message>
        <source>案件{number}未终止调解（状态：{status}），没有终止调解告知书</source>
        <translation>Mediation of case {number} was not ended (status: {status}), so there is no termination notice</translation>
    </message>
    <message>
        <source>案件{number}还没有回访记录</source>
        <translation>Case {number} has no follow-up records yet</translation>
    </message>
    <message>
        <source>未知的文书类型：{kind}（可选：{kinds}）</source>
        <translation>Unknown document kind: {kind} (choose from: {kinds})</translation>
    </message>
    <message>
        <source>未知的文书类型：{kind}</source>
        <translation>Unknown document kind: {kind}</translation>
    </message>
    <message>
        <source>不是 PDF 文件</source>
        <translation>Not a PDF file</translation>
    </message>
    <message>
        <source>案件{number}没有预约调解，无调解通知书</source>
        <translation>Case {number} has no booked session, so there is no session notice</translation>
    </message>
    <message>
        <source>导入完成：新增{created}人，更新{updated}人</source>
        <translation>Import done: {created} added, {updated} updated</translation>
    </message>
    <message>
        <source>导入失败，共{count}处问题，未导入任何数据：
{problems}</source>
        <translation>Import failed (problems found: {count}); nothing was imported:
{problems}</translation>
    </message>
    <message>
        <source>{column}“{text}”应为{first}或{second}</source>
        <translation>{column} “{text}” must be {first} or {second}</translation>
    </message>
    <message>
        <source>类别“{text}”应为{kinds}</source>
        <translation>Kind “{text}” must be one of {kinds}</translation>
    </message>
    <message>
        <source>未知的委员会“{text}”（可填：{names}）</source>
        <translation>Unknown committee “{text}” (use: {names})</translation>
    </message>
    <message>
        <source>{column}：{problem}</source>
        <translation>{column}: {problem}</translation>
    </message>
    <message>
        <source>文件中没有专家数据</source>
        <translation>The file holds no experts</translation>
    </message>
    <message>
        <source>无法读取Excel文件（请用 .xlsx 格式）：{error}</source>
        <translation>Cannot read the Excel file (use the .xlsx format): {error}</translation>
    </message>
    <message>
        <source>前10行中找不到表头（须有“{column}”列）</source>
        <translation>No header row in the first 10 rows (a “{column}” column is needed)</translation>
    </message>
    <message>
        <source>第{line}行（表头）：缺少列 {columns}</source>
        <translation>Row {line} (header): missing columns {columns}</translation>
    </message>
    <message>
        <source>第{line}行：一次最多导入{limit}行，请分批导入</source>
        <translation>Row {line}: at most {limit} rows can be imported at once; import in batches</translation>
    </message>
    <message>
        <source>第{line}行：{problems}</source>
        <translation>Row {line}: {problems}</translation>
    </message>
    <message>
        <source>与第{line}行重复（姓名和电话相同）</source>
        <translation>Same as row {line} (same name and phone)</translation>
    </message>
    <message>
        <source>在办{open}件，本周{sessions}场</source>
        <translation>open cases: {open}, sessions this week: {sessions}</translation>
    </message>
    <message>
        <source>{committee}委员会调解员</source>
        <translation>Mediator of the {committee} committee</translation>
    </message>
    <message>
        <source>{count}方当事人选定（人民调解法第十九条）</source>
        <translation>Chosen by parties: {count} (People&apos;s Mediation Law, Art. 19)</translation>
    </message>
    <message>
        <source>已在办本案</source>
        <translation>Already on this case</translation>
    </message>
    <message>
        <source>服务{committee}委员会</source>
        <translation>Serves the {committee} committee</translation>
    </message>
    <message>
        <source>专长“{specialties}”与案情相符</source>
        <translation>Specialty “{specialties}” fits the case</translation>
    </message>
    <message>
        <source>今天（{weekday}）值班</source>
        <translation>On duty today ({weekday})</translation>
    </message>
    <message>
        <source>当事人已同意其参与</source>
        <translation>The parties have consented</translation>
    </message>
    <message>
        <source>有当事人不同意其参与（人民调解法第二十条）</source>
        <translation>A party does not consent (People&apos;s Mediation Law, Art. 20)</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>只有律师和法律工作者参加律师值班</source>
        <translation>Only lawyers and legal workers take lawyer duty</translation>
    </message>
    <message>
        <source>请填写关系人或单位名称</source>
        <translation>Enter the person&apos;s or organisation&apos;s name</translation>
    </message>
    <message>
        <source>名称不能超过{limit}字</source>
        <translation>Name: at most {limit} characters</translation>
    </message>
    <message>
        <source>请填写关系（如 配偶、近亲属、原工作单位）</source>
        <translation>Enter the relationship (e.g. spouse, close relative, former employer)</translation>
    </message>
    <message>
        <source>关系不能超过{limit}字</source>
        <translation>Relationship: at most {limit} characters</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>类别应为：{kinds}</source>
        <translation>The kind must be one of: {kinds}</translation>
    </message>
    <message>
        <source>性别应为男或女</source>
        <translation>Sex must be male or female</translation>
    </message>
    <message>
        <source>请填写工作单位（已退休的填原工作单位）</source>
        <translation>Enter the employer (for the retired, the former employer)</translation>
    </message>
    <message>
        <source>专长合计不能超过{limit}字</source>
        <translation>Specialties: at most {limit} characters in all</translation>
    </message>
    <message>
        <source>未知的委员会：{codes}</source>
        <translation>Unknown committees: {codes}</translation>
    </message>
    <message>
        <source>值班日应为周一至周日</source>
        <translation>The duty day must be Monday to Sunday</translation>
    </message>
    <message>
        <source>{weekday}的值班结束时间应晚于开始时间</source>
        <translation>{weekday}: the duty must end after it starts</translation>
    </message>
    <message>
        <source>证件号码或统一社会信用代码无效：{error}</source>
        <translation>Invalid ID number or unified social credit code: {error}</translation>
    </message>
    <message>
        <source>姓名不能超过{limit}字</source>
        <translation>Name: at most {limit} characters</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>{what}不能超过{limit}字</source>
        <translation>{what}: at most {limit} characters</translation>
    </message>
    <message>
        <source>{weekday} {time} 与 {other} 重叠</source>
        <translation>{weekday} {time} overlaps {other}</translation>
    </message>
    <message>
        <source>电话号码无效</source>
        <translation>Invalid phone number</translation>
    </message>
    <message>
        <source>第{n}条：{problem}</source>
        <translation>Entry {n}: {problem}</translation>
    </message>
    <message>
        <source>专家库中已有“{name}”（电话{phone}），请勿重复登记</source>
        <translation>“{name}” (phone {phone}) is already in the expert pool: do not enter them twice</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>none</translation>
    </message>
    <message>
        <source>《人民调解法》第二十五条</source>
        <translation>People&apos;s Mediation Law, Art. 25</translation>
    </message>
    <message>
        <source>请填写回访日期</source>
        <translation>Enter the date of the follow-up</translation>
    </message>
    <message>
        <source>请填写协议履行情况</source>
        <translation>Enter how the agreement is being performed</translation>
    </message>
    <message>
        <source>满意度应为五级评价之一（非常满意、满意、基本满意、不满意、非常不满意）</source>
        <translation>Satisfaction must be one of the five ratings (very satisfied, satisfied, fairly satisfied, dissatisfied, very dissatisfied)</translation>
    </message>
    <message>
        <source>存在激化风险的，请填写已采取的措施（如已报告派出所，{law}）</source>
        <translation>With a risk of escalation, enter the action taken (e.g. reported to the police station, {law})</translation>
    </message>
    <message>
        <source>请填写整改及答复情况</source>
        <translation>Enter what was put right and how the party was answered</translation>
    </message>
    <message>
        <source>答复日期不能晚于今天</source>
        <translation>The answer date cannot be later than today</translation>
    </message>
    <message>
        <source>回访日期不能晚于今天</source>
        <translation>The follow-up date cannot be later than today</translation>
    </message>
    <message>
        <source>履行情况不超过{limit}个字</source>
        <translation>Performance: at most {limit} characters</translation>
    </message>
    <message>
        <source>处理情况不超过{limit}个字</source>
        <translation>Action taken: at most {limit} characters</translation>
    </message>
    <message>
        <source>答复不超过{limit}个字</source>
        <translation>Answer: at most {limit} characters</translation>
    </message>
    <message>
        <source>答复日期不能早于差评登记日（{day}）</source>
        <translation>The answer date cannot be earlier than the day the poor rating was logged ({day})</translation>
    </message>
    <message>
        <source>{role}无权查看回访</source>
        <translation>The {role} role may not see follow-ups</translation>
    </message>
    <message>
        <source>本案没有调解协议，无需回访</source>
        <translation>This case has no mediation agreement: no follow-up is needed</translation>
    </message>
    <message>
        <source>回访日期不能早于协议生效日（{day}）</source>
        <translation>The follow-up date cannot be earlier than the day the agreement took effect ({day})</translation>
    </message>
    <message>
        <source>该回访已不存在</source>
        <translation>This follow-up no longer exists</translation>
    </message>
    <message>
        <source>被回访人不属于本案</source>
        <translation>The person visited is not a party to this case</translation>
    </message>
    <message>
        <source>该差评台账记录已不存在</source>
        <translation>This poor-rating entry no longer exists</translation>
    </message>
    <message>
        <source>该回访已于{day}登记</source>
        <translation>This follow-up was recorded on {day}</translation>
    </message>
    <message>
        <source>该差评已于{day}答复</source>
        <translation>This poor rating was answered on {day}</translation>
    </message>
    <message>
        <source>请输入金额（元，最多两位小数）</source>
        <translation>Enter the amount (yuan, at most two decimals)</translation>
    </message>
    <message>
        <source>付款日期不能晚于今天</source>
        <translation>The payment date cannot be later than today</translation>
    </message>
    <message>
        <source>请选择付款方式</source>
        <translation>Choose the payment method</translation>
    </message>
    <message>
        <source>收据号不超过{limit}个字符</source>
        <translation>Receipt no.: at most {limit} characters</translation>
    </message>
    <message>
        <source>金额应大于0</source>
        <translation>The amount must be more than 0</translation>
    </message>
    <message>
        <source>付款日期不能早于协议达成日（{day}）</source>
        <translation>The payment date cannot be earlier than the agreement date ({day})</translation>
    </message>
    <message>
        <source>{role}无权查看履行情况</source>
        <translation>The {role} role may not see performance</translation>
    </message>
    <message>
        <source>该期款项已不存在</source>
        <translation>This instalment no longer exists</translation>
    </message>
    <message>
        <source>本期尚欠{outstanding:,.2f}元，本次登记{value:,.2f}元，超出{excess:,.2f}元；如确属多付，请勾选“确认超额”后再保存</source>
        <translation>{outstanding:,.2f} yuan is outstanding on this instalment; {value:,.2f} yuan entered is {excess:,.2f} yuan more. If it really was overpaid, tick “Confirm overpayment” and save again</translation>
    </message>
    <message>
        <source>只有已达成协议、尚未履行完毕的案件可以登记付款</source>
        <translation>Payments can only be recorded for a case with an agreement not yet performed</translation>
    </message>
    <message>
        <source>该期款项已于{day}付清</source>
        <translation>This instalment was paid in full on {day}</translation>
    </message>
    <message>
        <source>{count} 件医疗纠纷超过30个工作日未达成协议，已按调解不成结案</source>
        <translation>Medical disputes closed as failed, with no agreement after 30 working days: {count}</translation>
    </message>
    <message>
        <source>{count} 件医疗纠纷的期限为临时计算，请人工核对</source>
        <translation>Medical disputes whose time limits were computed provisionally, to be checked by hand: {count}</translation>
    </message>
    <message>
        <source>已完成今日自动备份</source>
        <translation>Today&apos;s automatic backup is done</translation>
    </message>
    <message>
        <source>医疗纠纷期限检查失败：{error}</source>
        <translation>Checking the medical dispute time limits failed: {error}</translation>
    </message>
    <message>
        <source>自动备份失败（{folder}）：{error}</source>
        <translation>Automatic backup failed ({folder}): {error}</translation>
    </message>
    <message>
        <source>电话号码无效，请核对区号和号码位数</source>
        <translation>Invalid phone number: check the area code and the number of digits</translation>
    </message>
    <message>
        <source>身份证号码只能是数字，最后一位可以是 X，不能有“{bad}”</source>
        <translation>An ID card number has only digits (the last may be X), not “{bad}”</translation>
    </message>
    <message>
        <source>号码无效：按身份证读，{as_id}；按统一社会信用代码读，{as_uscc}</source>
        <translation>Invalid number: as an ID card number, {as_id}; as a unified social credit code, {as_uscc}</translation>
    </message>
    <message>
        <source>这是{other}号码，请把证件类型选为“{other}”</source>
        <translation>This is a {other} number: choose “{other}” as the document type</translation>
    </message>
    <message>
        <source>境外电话号码无效，请核对</source>
        <translation>Invalid foreign phone number: please check it</translation>
    </message>
    <message>
        <source>手机号码应为11位，现为{length}位</source>
        <translation>A mobile number has 11 digits, not {length}</translation>
    </message>
    <message>
        <source>固定电话请加区号，如 0570-3012345</source>
        <translation>Add the area code to a landline number, e.g. 0570-3012345</translation>
    </message>
    <message>
        <source>出生日期 {day} 晚于今天，请核对号码</source>
        <translation>Date of birth {day} is later than today: check the number</translation>
    </message>
    <message>
        <source>出生日期 {day} 早于1850年，请核对号码</source>
        <translation>Date of birth {day} is before 1850: check the number</translation>
    </message>
    <message>
        <source>校验位应为 {expected}，请核对号码</source>
        <translation>The check digit should be {expected}: check the number</translation>
    </message>
    <message>
        <source>15位旧身份证号码只能是数字</source>
        <translation>An old 15-digit ID number has only digits</translation>
    </message>
    <message>
        <source>请输入证件号码</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <source>身份证号码应为18位（旧证15位），现为{length}位</source>
        <translation>An ID card number has 18 digits (15 on old cards), not {length}</translation>
    </message>
    <message>
        <source>X 只能出现在最后一位（校验位）</source>
        <translation>X can only be the last character (the check digit)</translation>
    </message>
    <message>
        <source>请输入统一社会信用代码</source>
        <translation>Enter the unified social credit code</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位，现为{length}位</source>
        <translation>A unified social credit code has 18 characters, not {length}</translation>
    </message>
    <message>
        <source>统一社会信用代码含非法字符 {found}（代码中不用 I/O/Z/S/V）</source>
        <translation>The unified social credit code has invalid characters {found} (I/O/Z/S/V are not used)</translation>
    </message>
    <message>
        <source>统一社会信用代码含非法字符“{bad}”</source>
        <translation>The unified social credit code has an invalid character “{bad}”</translation>
    </message>
    <message>
        <source>统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字</source>
        <translation>Characters 3–8 of a unified social credit code (the registering authority&apos;s area code) are digits</translation>
    </message>
    <message>
        <source>校验位应为 {expected}，请核对代码</source>
        <translation>The check character should be {expected}: check the code</translation>
    </message>
    <message>
        <source>不是身份证号码或统一社会信用代码（应为18位，现为{length}位）</source>
        <translation>Not an ID card number or unified social credit code (18 characters needed, not {length})</translation>
    </message>
    <message>
        <source>证件号码只能包含字母、数字和“-”</source>
        <translation>An ID number has only letters, digits and “-”</translation>
    </message>
    <message>
        <source>证件号码应为3–30位，现为{length}位</source>
        <translation>An ID number has 3–30 characters, not {length}</translation>
    </message>
    <message>
        <source>出生日期与证件号码不符：号码为 {by_number}，填写为 {typed}</source>
        <translation>The date of birth does not match the ID number: {by_number} by the number, {typed} as entered</translation>
    </message>
    <message>
        <source>性别与证件号码不符：号码为{by_number}，填写为{typed}</source>
        <translation>The sex does not match the ID number: {by_number} by the number, {typed} as entered</translation>
    </message>
    <message>
        <source>出生日期 {day} 不存在</source>
        <translation>Date of birth {day} does not exist</translation>
    </message>
    <message>
        <source>请输入电话号码</source>
        <translation>Enter the phone number</translation>
    </message>
    <message>
        <source>电话号码格式不对，只能包含数字</source>
        <translation>Wrong phone number format: digits only</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>{what}格式应为 1990-01-02</source>
        <translation>{what} must be written like 1990-01-02</translation>
    </message>
    <message>
        <source>时间格式应为 2026-11-02 09:30</source>
        <translation>The time must be written like 2026-11-02 09:30</translation>
    </message>
    <message>
        <source>最多{limit}个字，现为{length}个字</source>
        <translation>At most {limit} characters; now {length}</translation>
    </message>
    <message>
        <source>当事人类型不对</source>
        <translation>Wrong kind of party</translation>
    </message>
    <message>
        <source>请至少登记一名申请人</source>
        <translation>Register at least one applicant</translation>
    </message>
    <message>
        <source>请选择受理的调解委员会</source>
        <translation>Choose the committee that takes the case</translation>
    </message>
    <message>
        <source>请选择纠纷类型</source>
        <translation>Choose the dispute type</translation>
    </message>
    <message>
        <source>请选择纠纷来源</source>
        <translation>Choose the source</translation>
    </message>
    <message>
        <source>请填写纠纷简要情况</source>
        <translation>Enter a summary of the dispute</translation>
    </message>
    <message>
        <source>群体性纠纷的涉及人数应不少于{n}人</source>
        <translation>A group dispute involves at least {n} people</translation>
    </message>
    <message>
        <source>医疗纠纷须双方共同申请，或一方申请、另一方同意后方可调解（《医疗纠纷预防和处理条例》第三十一条），请选择</source>
        <translation>A medical dispute can be mediated only on a joint application, or on one side&apos;s application with the other side&apos;s consent (Regulation on the Prevention and Handling of Medical Disputes, Art. 31): choose which</translation>
    </message>
    <message>
        <source>请填写来访人姓名</source>
        <translation>Enter the visitor&apos;s name</translation>
    </message>
    <message>
        <source>请写明转办理由及依据</source>
        <translation>State the reason for the referral and its basis</translation>
    </message>
    <message>
        <source>请写明转往的机关或部门</source>
        <translation>State the authority or department referred to</translation>
    </message>
    <message>
        <source>金额格式不对：请填写数字（单位：元），如 50000、12345.60 或 5万</source>
        <translation>Wrong amount format: enter a number in yuan, e.g. 50000, 12345.60 or 5万</translation>
    </message>
    <message>
        <source>请填写单位名称</source>
        <translation>Enter the organisation&apos;s name</translation>
    </message>
    <message>
        <source>请选择单位类型</source>
        <translation>Choose the kind of organisation</translation>
    </message>
    <message>
        <source>请选择证件类型</source>
        <translation>Choose the ID document type</translation>
    </message>
    <message>
        <source>请填写联系电话</source>
        <translation>Enter a contact phone number</translation>
    </message>
    <message>
        <source>请选择被代理的当事人</source>
        <translation>Choose the party represented</translation>
    </message>
    <message>
        <source>请选择当事人{n}的身份（申请人、被申请人或第三人）</source>
        <translation>Choose party {n}&apos;s role (applicant, respondent or third party)</translation>
    </message>
    <message>
        <source>请登记被申请人（纠纷的另一方当事人）</source>
        <translation>Register the respondent (the other side of the dispute)</translation>
    </message>
    <message>
        <source>纠纷简要情况太简略，请写明主要事实</source>
        <translation>The summary is too short: give the main facts</translation>
    </message>
    <message>
        <source>第{n}项请求过长（最多500字）</source>
        <translation>Request {n} is too long (at most 500 characters)</translation>
    </message>
    <message>
        <source>有激化风险时须写明已报告的公安机关或有关部门（人民调解法第二十五条）</source>
        <translation>With a risk of escalation, state the police or other authority it was reported to (People&apos;s Mediation Law, Art. 25)</translation>
    </message>
    <message>
        <source>受理时间晚于现在</source>
        <translation>The time received is later than now</translation>
    </message>
    <message>
        <source>调解委员会 {committee} 不存在或已停用</source>
        <translation>Committee {committee} does not exist or is no longer in use</translation>
    </message>
    <message>
        <source>金额格式不对：请填写数字（单位：元）</source>
        <translation>Wrong amount format: enter a number in yuan</translation>
    </message>
    <message>
        <source>申请人为单位时请填写统一社会信用代码</source>
        <translation>An applicant organisation needs its unified social credit code</translation>
    </message>
    <message>
        <source>当事人{n}本身是代理人，请选择被代理的申请人或被申请人</source>
        <translation>Party {n} is an agent: choose the applicant or respondent represented</translation>
    </message>
    <message>
        <source>与当事人{n}的证件号码相同，同一人只登记一次</source>
        <translation>Same ID number as party {n}: register each person only once</translation>
    </message>
    <message>
        <source>请填写报告时间（人民调解法第二十五条）</source>
        <translation>Enter when it was reported (People&apos;s Mediation Law, Art. 25)</translation>
    </message>
    <message>
        <source>受理时间早于2000年，请核对</source>
        <translation>The time received is before 2000: please check it</translation>
    </message>
    <message>
        <source>改派须写明理由</source>
        <translation>Reassigning needs a reason</translation>
    </message>
    <message>
        <source>请选择改派到的调解委员会</source>
        <translation>Choose the committee to reassign to</translation>
    </message>
    <message>
        <source>案件不存在</source>
        <translation>The case does not exist</translation>
    </message>
    <message>
        <source>案件已{status}，不能改派</source>
        <translation>The case is {status} and cannot be reassigned</translation>
    </message>
    <message>
        <source>统一社会信用代码无效</source>
        <translation>Invalid unified social credit code</translation>
    </message>
    <message>
        <source>出生日期晚于今天</source>
        <translation>The date of birth is later than today</translation>
    </message>
    <message>
        <source>报告时间晚于现在</source>
        <translation>The time reported is later than now</translation>
    </message>
    <message>
        <source>在册当事人“{name}”已不存在，请重新填写证件号码</source>
        <translation>The registered party “{name}” no longer exists: enter the ID number again</translation>
    </message>
    <message>
        <source>关联的排队号票不存在</source>
        <translation>The linked queue ticket does not exist</translation>
    </message>
    <message>
        <source>只能改派本委员会的案件</source>
        <translation>You can only reassign cases of your own committees</translation>
    </message>
    <message>
        <source>案件已在该委员会，无需改派</source>
        <translation>The case is already with that committee</translation>
    </message>
    <message>
        <source>{what} {day} 不存在</source>
        <translation>{what} {day} does not exist</translation>
    </message>
    <message>
        <source>证件号码无效</source>
        <translation>Invalid ID number</translation>
    </message>
    <message>
        <source>请填写证件号码（代理人）</source>
        <translation>Enter the ID number (agent)</translation>
    </message>
    <message>
        <source>请填写证件号码（申请人）</source>
        <translation>Enter the ID number (applicant)</translation>
    </message>
    <message>
        <source>《人民调解法》第十七条</source>
        <translation>People&apos;s Mediation Law, Art. 17</translation>
    </message>
    <message>
        <source>《人民调解法》第二十六条</source>
        <translation>People&apos;s Mediation Law, Art. 26</translation>
    </message>
    <message>
        <source>《人民调解法》第二十七条</source>
        <translation>People&apos;s Mediation Law, Art. 27</translation>
    </message>
    <message>
        <source>《人民调解法》第二十八条</source>
        <translation>People&apos;s Mediation Law, Art. 28</translation>
    </message>
    <message>
        <source>《人民调解法》第二十九条</source>
        <translation>People&apos;s Mediation Law, Art. 29</translation>
    </message>
    <message>
        <source>《人民调解法》第三十条</source>
        <translation>People&apos;s Mediation Law, Art. 30</translation>
    </message>
    <message>
        <source>《人民调解法》第三十一条</source>
        <translation>People&apos;s Mediation Law, Art. 31</translation>
    </message>
    <message>
        <source>《医疗纠纷预防和处理条例》第三十一条</source>
        <translation>Regulation on the Prevention and Handling of Medical Disputes, Art. 31</translation>
    </message>
    <message>
        <source>《道路交通事故处理程序规定》第八十五条</source>
        <translation>Provisions on the Procedures for Handling Road Traffic Accidents, Art. 85</translation>
    </message>
    <message>
        <source>尚无调解记录：请先填写调解记录（{law}）</source>
        <translation>No session record yet: fill in a session record first ({law})</translation>
    </message>
    <message>
        <source>案件尚未受理</source>
        <translation>The case has not been accepted yet</translation>
    </message>
    <message>
        <source>调解协议尚未履行完毕，履行完毕后才能归档</source>
        <translation>The agreement has not been fully performed: the case can be archived once it is</translation>
    </message>
    <message>
        <source>协议已登记为履行完毕</source>
        <translation>The agreement is already recorded as performed</translation>
    </message>
    <message>
        <source>案件已受理</source>
        <translation>The case has already been accepted</translation>
    </message>
    <message>
        <source>调解已开始：当事人要求终止调解的，请使用“终止调解”（{law}）</source>
        <translation>Mediation has started: when a party wants it ended, use “End mediation” ({law})</translation>
    </message>
    <message>
        <source>案件当前状态为“{status}”，不能执行“{operation}”（只能从{allowed}状态执行）</source>
        <translation>The case is “{status}”, so “{operation}” is not possible (only from: {allowed})</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>未知的案件操作：{operation}</source>
        <translation>Unknown case operation: {operation}</translation>
    </message>
    <message>
        <source>{refusal}（{committee}委员会的案件{number}）</source>
        <translation>{refusal} (case {number} of the {committee} committee)</translation>
    </message>
    <message>
        <source>请填写{what}的原因</source>
        <translation>Enter the reason for “{what}”</translation>
    </message>
    <message>
        <source>日期不能晚于今天（{today}）</source>
        <translation>The date cannot be later than today ({today})</translation>
    </message>
    <message>
        <source>日期不能早于登记日（{day}）</source>
        <translation>The date cannot be earlier than the registration date ({day})</translation>
    </message>
    <message>
        <source>未知的同意事项：{kind}</source>
        <translation>Unknown kind of consent: {kind}</translation>
    </message>
    <message>
        <source>医疗纠纷须双方当事人共同申请，或一方申请、另一方同意后方可受理（{law}）：请记录双方申请或另一方的同意</source>
        <translation>A medical dispute can be accepted only on a joint application, or on one side&apos;s application with the other side&apos;s consent ({law}): record the joint application or the other side&apos;s consent</translation>
    </message>
    <message>
        <source>请指定承办调解员</source>
        <translation>Choose the mediator in charge</translation>
    </message>
    <message>
        <source>{name}不是在岗调解员</source>
        <translation>{name} is not an active mediator</translation>
    </message>
    <message>
        <source>{name}不是{committee}委员会的调解员</source>
        <translation>{name} is not a mediator of the {committee} committee</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>日期不能早于受理日（{day}）</source>
        <translation>The date cannot be earlier than the acceptance date ({day})</translation>
    </message>
    <message>
        <source>本案没有调解协议</source>
        <translation>This case has no mediation agreement</translation>
    </message>
    <message>
        <source>尚有{count}期款项未付清（应付日：{dues}），不能登记履行完毕（{law}）</source>
        <translation>Instalments not yet paid in full: {count} (due: {dues}), so the agreement cannot be recorded as performed ({law})</translation>
    </message>
    <message>
        <source>履行日期不能晚于今天</source>
        <translation>The performance date cannot be later than today</translation>
    </message>
    <message>
        <source>履行日期不能早于协议生效日</source>
        <translation>The performance date cannot be earlier than the day the agreement took effect</translation>
    </message>
    <message>
        <source>{status}（改派）</source>
        <translation>{status} (reassigned)</translation>
    </message>
    <message>
        <source>{message}：{hint}</source>
        <translation>{message}: {hint}</translation>
    </message>
    <message>
        <source>同意日期不能早于登记日（{day}）</source>
        <translation>The date of consent cannot be earlier than the registration date ({day})</translation>
    </message>
    <message>
        <source>当事人{names}明确拒绝调解，不能受理（{law}）</source>
        <translation>{names} clearly refused mediation: the case cannot be accepted ({law})</translation>
    </message>
    <message>
        <source>请选择表示同意调解的当事人（{law}）</source>
        <translation>Choose the party who consented to mediation ({law})</translation>
    </message>
    <message>
        <source>同意的形式应为口头或书面</source>
        <translation>Consent must be oral or written</translation>
    </message>
    <message>
        <source>尚未制作调解协议：请先填写协议内容（{law}）</source>
        <translation>No mediation agreement yet: fill in its content first ({law})</translation>
    </message>
    <message>
        <source>协议生效日期不能早于受理日</source>
        <translation>The agreement cannot take effect before the acceptance date</translation>
    </message>
    <message>
        <source>口头协议须由调解员记录协议内容（{law}）：请先登记协议内容</source>
        <translation>The mediator must record an oral agreement&apos;s content ({law}): record it first</translation>
    </message>
    <message>
        <source>协议达成日期不能晚于今天</source>
        <translation>The agreement date cannot be later than today</translation>
    </message>
    <message>
        <source>书面调解协议须经各方当事人签名（盖章或按指印）、调解员签名后生效（{law}）；尚未签名：{names}</source>
        <translation>A written agreement takes effect once every party has signed (or sealed, or fingerprinted) and the mediator has signed ({law}); not signed yet: {names}</translation>
    </message>
    <message>
        <source>{parties}条当事人记录、{cases}件案件、{tickets}张号票、{referrals}份转办单、{audit}条审计记录</source>
        <translation>party records: {parties}, cases: {cases}, queue tickets: {tickets}, referral slips: {referrals}, audit entries: {audit}</translation>
    </message>
    <message>
        <source>请选择要匿名化的案件</source>
        <translation>Choose the cases to anonymise</translation>
    </message>
    <message>
        <source>请填写证件号码，或同时填写姓名和电话</source>
        <translation>Enter the ID number, or both the name and the phone number</translation>
    </message>
    <message>
        <source>该当事人已不存在</source>
        <translation>This party no longer exists</translation>
    </message>
    <message>
        <source>以下案件不符合匿名化条件（须已归档满规定年限且尚未匿名化）：{numbers}</source>
        <translation>These cases cannot be anonymised (they must have been archived for the set number of years and not be anonymised yet): {numbers}</translation>
    </message>
    <message>
        <source>没有找到此人的记录</source>
        <translation>No records of this person were found</translation>
    </message>
    <message>
        <source>无权查看该当事人的证件号码</source>
        <translation>You may not see this party&apos;s ID number</translation>
    </message>
    <message>
        <source>没有这个服务窗口：{code}</source>
        <translation>No such service window: {code}</translation>
    </message>
    <message>
        <source>{committee}窗口已停用，不能取号</source>
        <translation>The {committee} window is closed: no tickets can be taken</translation>
    </message>
    <message>
        <source>找不到这张号票，请刷新后再试</source>
        <translation>Ticket not found: refresh and try again</translation>
    </message>
    <message>
        <source>请先选择窗口</source>
        <translation>Choose a window first</translation>
    </message>
    <message>
        <source>截止日期不能早于起始日期</source>
        <translation>The end date cannot be earlier than the start date</translation>
    </message>
    <message>
        <source>{ticket} {status}，不能重呼</source>
        <translation>{ticket} is {status}: it cannot be called again</translation>
    </message>
    <message>
        <source>{ticket} {status}，只有已叫号的号票可以过号</source>
        <translation>{ticket} is {status}: only a called ticket can be marked missed</translation>
    </message>
    <message>
        <source>{ticket} {status}，不能开始办理</source>
        <translation>{ticket} is {status}: serving cannot start</translation>
    </message>
    <message>
        <source>{ticket} {status}，不能办结</source>
        <translation>{ticket} is {status}: it cannot be marked done</translation>
    </message>
    <message>
        <source>{ticket} {status}，不能转窗口</source>
        <translation>{ticket} is {status}: it cannot be transferred</translation>
    </message>
    <message>
        <source>{ticket} 已是{committee}的号，无须转窗口</source>
        <translation>{ticket} is already a {committee} ticket: no transfer needed</translation>
    </message>
    <message>
        <source>找不到这张号票</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <source>《医疗纠纷预防和处理条例》第四十二条</source>
        <translation>Regulation on the Prevention and Handling of Medical Disputes, Art. 42</translation>
    </message>
    <message>
        <source>《人民调解法》第二十三条</source>
        <translation>People&apos;s Mediation Law, Art. 23</translation>
    </message>
    <message>
        <source>照片（JPEG）</source>
        <translation>photo (JPEG)</translation>
    </message>
    <message>
        <source>图片（PNG）</source>
        <translation>image (PNG)</translation>
    </message>
    <message>
        <source>扫描件（TIFF）</source>
        <translation>scan (TIFF)</translation>
    </message>
    <message>
        <source>图片（BMP）</source>
        <translation>image (BMP)</translation>
    </message>
    <message>
        <source>图片（GIF）</source>
        <translation>image (GIF)</translation>
    </message>
    <message>
        <source>图片（WebP）</source>
        <translation>image (WebP)</translation>
    </message>
    <message>
        <source>照片（HEIC）</source>
        <translation>photo (HEIC)</translation>
    </message>
    <message>
        <source>{size} 字节</source>
        <translation>{size} bytes</translation>
    </message>
    <message>
        <source>请填写调解时间</source>
        <translation>Enter when the session took place</translation>
    </message>
    <message>
        <source>请填写调解地点</source>
        <translation>Enter where the session took place</translation>
    </message>
    <message>
        <source>调解地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>请填写调解事项</source>
        <translation>Enter the matter mediated</translation>
    </message>
    <message>
        <source>请填写调解结果（达成的协议或未达成的原因）</source>
        <translation>Enter the outcome (the agreement reached, or why none was)</translation>
    </message>
    <message>
        <source>请勾选到场的当事人</source>
        <translation>Tick the parties present</translation>
    </message>
    <message>
        <source>调解时间不能晚于现在</source>
        <translation>The session time cannot be later than now</translation>
    </message>
    <message>
        <source>结束时间应晚于开始时间</source>
        <translation>The end time must be after the start time</translation>
    </message>
    <message>
        <source>调解事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>参加人</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>查明的事实</source>
        <translation>Facts established</translation>
    </message>
    <message>
        <source>风险告知</source>
        <translation>Risk notice</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>下一步安排</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>到场人员中有不属于本案的当事人</source>
        <translation>Someone marked present is not a party to this case</translation>
    </message>
    <message>
        <source>陈述人不属于本案</source>
        <translation>The person making the statement is not a party to this case</translation>
    </message>
    <message>
        <source>医疗纠纷未经双方当事人同意不得公开调解（{law}）；尚未记录同意：{names}</source>
        <translation>A medical dispute may be mediated in public only with both sides&apos; consent ({law}); no consent recorded yet: {names}</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>所选{what}不是在岗工作人员</source>
        <translation>The {what} chosen is not an active staff member</translation>
    </message>
    <message>
        <source>文件“{name}”是空的，未添加</source>
        <translation>The file “{name}” is empty and was not added</translation>
    </message>
    <message>
        <source>文件“{name}”大小为{size}，超过单个附件上限{limit}；请压缩或拆分后再添加（上限可由管理员在设置中调整）</source>
        <translation>The file “{name}” is {size}, over the {limit} limit for one attachment: compress or split it, then add it again (the administrator can change the limit in the settings)</translation>
    </message>
    <message>
        <source>文件“{name}”不是可保存的扫描件、照片或 PDF 文件（支持 PDF、JPEG、PNG、TIFF、BMP、GIF、WebP、HEIC）</source>
        <translation>The file “{name}” is not a scan, photo or PDF that can be kept (PDF, JPEG, PNG, TIFF, BMP, GIF, WebP and HEIC are supported)</translation>
    </message>
    <message>
        <source>文件“{name}”的内容是{kind}，与扩展名不符，请核对后再添加</source>
        <translation>The file “{name}” holds a {kind}, which does not match its extension: check it and add it again</translation>
    </message>
    <message>
        <source>{role}无权添加附件</source>
        <translation>The {role} role may not add attachments</translation>
    </message>
    <message>
        <source>未知的附件类别：{kind}</source>
        <translation>Unknown attachment kind: {kind}</translation>
    </message>
    <message>
        <source>调解时间不能早于受理日（{day}）</source>
        <translation>The session cannot be earlier than the acceptance date ({day})</translation>
    </message>
    <message>
        <source>结束时间不能晚于今天</source>
        <translation>The end time cannot be later than today</translation>
    </message>
    <message>
        <source>陈述不超过{limit}个字</source>
        <translation>Statement: at most {limit} characters</translation>
    </message>
    <message>
        <source>请选择记录人</source>
        <translation>Choose the recorder</translation>
    </message>
    <message>
        <source>该调解记录已不存在</source>
        <translation>This session record no longer exists</translation>
    </message>
    <message>
        <source>该文件已于{at:%Y-%m-%d %H:%M}作为“{filename}”添加过，未重复保存</source>
        <translation>This file was already added on {at:%Y-%m-%d %H:%M} as “{filename}” and was not saved again</translation>
    </message>
    <message>
        <source>该附件已不存在</source>
        <translation>This attachment no longer exists</translation>
    </message>
    <message>
        <source>附件“{filename}”的内容与登记的校验值不符，可能已损坏，请联系管理员</source>
        <translation>The attachment “{filename}” does not match its recorded checksum and may be damaged: contact the administrator</translation>
    </message>
    <message>
        <source>案件{status}，只能为已受理或调解中的案件新建调解记录</source>
        <translation>The case is {status}: session records can only be added to an accepted case or one being mediated</translation>
    </message>
    <message>
        <source>案件已归档，调解记录不能再修改</source>
        <translation>The case is archived: its session records can no longer be changed</translation>
    </message>
    <message>
        <source>该调解记录不属于本案</source>
        <translation>This session record is not part of this case</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>中心</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>预约</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>取号叫号</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>中心名称</source>
        <translation>Centre name</translation>
    </message>
    <message>
        <source>县区简称</source>
        <translation>County short name</translation>
    </message>
    <message>
        <source>编号格式须含 {{seq}}（顺序号），如 {example}</source>
        <translation>The format must contain {{seq}} (the sequence number), e.g. {example}</translation>
    </message>
    <message>
        <source>路径过长</source>
        <translation>The path is too long</translation>
    </message>
    <message>
        <source>印在文书、号票和统计报表上</source>
        <translation>Printed on documents, queue tickets and statistics reports</translation>
    </message>
    <message>
        <source>案件编号中的 {{county}}，如 {example}</source>
        <translation>The {{county}} of case numbers, e.g. {example}</translation>
    </message>
    <message>
        <source>案件编号格式</source>
        <translation>Case number format</translation>
    </message>
    <message>
        <source>{{county}}{{prefix}}{{year}}{{seq}}；改动只影响此后登记的案件</source>
        <translation>{{county}}{{prefix}}{{year}}{{seq}}; a change affects only cases registered afterwards</translation>
    </message>
    <message>
        <source>工作时间</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>如 08:30-12:00,14:00-17:30（预约只排在这些时段内）</source>
        <translation>e.g. 08:30-12:00,14:00-17:30 (sessions are booked only within these periods)</translation>
    </message>
    <message>
        <source>调解默认时长（分钟）</source>
        <translation>Default session length (minutes)</translation>
    </message>
    <message>
        <source>预约时默认的时长</source>
        <translation>The length a new booking starts with</translation>
    </message>
    <message>
        <source>两场调解间隔（分钟）</source>
        <translation>Gap between sessions (minutes)</translation>
    </message>
    <message>
        <source>同一调解室、同一人两场之间至少留出的时间</source>
        <translation>The least time left between two sessions in the same room or with the same person</translation>
    </message>
    <message>
        <source>过号前叫号次数</source>
        <translation>Calls before a ticket is missed</translation>
    </message>
    <message>
        <source>叫号几次未到视为过号</source>
        <translation>How many calls without an answer count as missed</translation>
    </message>
    <message>
        <source>号票打印机</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <source>留空：PDF 号票；热敏打印机如 escpos:usb:0416:5011、escpos:net:192.168.1.50、escpos:serial:COM3</source>
        <translation>Empty: PDF tickets; a thermal printer e.g. escpos:usb:0416:5011, escpos:net:192.168.1.50, escpos:serial:COM3</translation>
    </message>
    <message>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <source>none、simulator、termb 或 termb:驱动路径（个别电脑可用环境变量 TIAOJIE_IDCARD_READER 另行指定）</source>
        <translation>none, simulator, termb or termb:&lt;driver path&gt; (a single PC can set its own with the TIAOJIE_IDCARD_READER environment variable)</translation>
    </message>
    <message>
        <source>期限提前提醒（日）</source>
        <translation>Deadline warning (days)</translation>
    </message>
    <message>
        <source>调解期限到期前几日列入“即将到期”</source>
        <translation>How many days before the time limit a case is listed as “due soon”</translation>
    </message>
    <message>
        <source>差评整改期限（工作日）</source>
        <translation>Poor rating response time (working days)</translation>
    </message>
    <message>
        <source>差评须在几个工作日内回访答复</source>
        <translation>Working days within which a poor rating must be followed up and answered</translation>
    </message>
    <message>
        <source>无操作锁屏（分钟）</source>
        <translation>Lock when idle (minutes)</translation>
    </message>
    <message>
        <source>0 表示不自动锁屏</source>
        <translation>0 means never lock automatically</translation>
    </message>
    <message>
        <source>归档后可匿名化（年）</source>
        <translation>Anonymise after archiving (years)</translation>
    </message>
    <message>
        <source>归档满此年数的案件可由管理员匿名化</source>
        <translation>Cases archived this many years ago can be anonymised by the administrator</translation>
    </message>
    <message>
        <source>自动备份目录</source>
        <translation>Automatic backup folder</translation>
    </message>
    <message>
        <source>留空：数据目录下的 backups（仅单机 SQLite 数据库）</source>
        <translation>Empty: backups in the data folder (single-PC SQLite databases only)</translation>
    </message>
    <message>
        <source>保留备份份数</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>每天一份，保留最近几份</source>
        <translation>One a day; how many of the latest to keep</translation>
    </message>
    <message>
        <source>请填写 {low}–{high} 之间的整数{unit}</source>
        <translation>Enter a whole number from {low} to {high} ({unit})</translation>
    </message>
    <message>
        <source>应在 {low}–{high}{unit} 之间</source>
        <translation>Must be from {low} to {high} ({unit})</translation>
    </message>
    <message>
        <source>请填写{what}</source>
        <translation>{what} is required</translation>
    </message>
    <message>
        <source>{what}不超过 {limit} 个字</source>
        <translation>{what}: at most {limit} characters</translation>
    </message>
    <message>
        <source>编号格式有误（{error}）：可用 {{county}} {{prefix}} {{year}} {{seq}}</source>
        <translation>Wrong number format ({error}): available are {{county}} {{prefix}} {{year}} {{seq}}</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>日</source>
        <translation>days</translation>
    </message>
    <message>
        <source>个工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>年</source>
        <translation>years</translation>
    </message>
    <message>
        <source>份</source>
        <translation>copies</translation>
    </message>
    <message>
        <source>未知的设置项：{key}</source>
        <translation>Unknown setting: {key}</translation>
    </message>
    <message>
        <source>统计汇总表正在批量写入后重建（例如正在生成演示数据），暂时不能统计，请稍后再试。</source>
        <translation>The statistics tables are being rebuilt after a bulk load (e.g. demo data being generated): statistics are unavailable for now; please try again later.</translation>
    </message>
    <message>
        <source>截止日期（{end}）早于起始日期（{start}）</source>
        <translation>The end date ({end}) is before the start date ({start})</translation>
    </message>
    <message>
        <source>月份应在1至12之间：{month}</source>
        <translation>The month must be from 1 to 12: {month}</translation>
    </message>
    <message>
        <source>“{figure}”不对应具体案件，无法查看明细</source>
        <translation>“{figure}” does not stand for particular cases: there is no detail to show</translation>
    </message>
    <message>
        <source>月份格式应为 YYYY-MM，例如 2026-10：{value}</source>
        <translation>The month must be written YYYY-MM, e.g. 2026-10: {value}</translation>
    </message>
    <message>
        <source>请填写用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>请选择角色</source>
        <translation>Choose a role</translation>
    </message>
    <message>
        <source>调解员至少属于一个委员会</source>
        <translation>A mediator belongs to at least one committee</translation>
    </message>
    <message>
        <source>用户名只能包含字母、数字、下划线和点</source>
        <translation>A user name has only letters, digits, underscores and dots</translation>
    </message>
    <message>
        <source>不能停用自己的账号</source>
        <translation>You cannot deactivate your own account</translation>
    </message>
    <message>
        <source>用户名 {username} 已存在</source>
        <translation>The user name {username} already exists</translation>
    </message>
    <message>
        <source>PostgreSQL {version}（未加密）</source>
        <translation>PostgreSQL {version} (not encrypted)</translation>
    </message>
    <message>
        <source>SQLite {version}（将新建数据库文件 {path}）</source>
        <translation>SQLite {version} (will create the database file {path})</translation>
    </message>
    <message>
        <source>请选择数据存放方式</source>
        <translation>Choose where the data is kept</translation>
    </message>
    <message>
        <source>请填写数据库服务器的地址（IP 或计算机名）</source>
        <translation>Enter the database server&apos;s address (IP or computer name)</translation>
    </message>
    <message>
        <source>端口应在 1–65535 之间（PostgreSQL 默认 5432）</source>
        <translation>The port must be between 1 and 65535 (PostgreSQL&apos;s default is 5432)</translation>
    </message>
    <message>
        <source>请填写数据库名</source>
        <translation>Enter the database name</translation>
    </message>
    <message>
        <source>请填写数据库用户名</source>
        <translation>Enter the database user name</translation>
    </message>
    <message>
        <source>请选择加密方式</source>
        <translation>Choose the encryption</translation>
    </message>
    <message>
        <source>PostgreSQL {version}（已加密）</source>
        <translation>PostgreSQL {version} (encrypted)</translation>
    </message>
    <message>
        <source>SQLite {version}（内存）</source>
        <translation>SQLite {version} (in memory)</translation>
    </message>
    <message>
        <source>SQLite {version}（使用已有数据库文件 {path}）</source>
        <translation>SQLite {version} (using the existing database file {path})</translation>
    </message>
    <message>
        <source>无法连接数据库：{error}</source>
        <translation>Cannot connect to the database: {error}</translation>
    </message>
    <message>
        <source>请选择一个完整的文件夹路径</source>
        <translation>Choose a complete folder path</translation>
    </message>
    <message>
        <source>服务器地址只能包含字母、数字、点和连字符</source>
        <translation>The server address may only contain letters, digits, dots and hyphens</translation>
    </message>
    <message>
        <source>数据库名只能包含字母、数字和下划线</source>
        <translation>The database name may only contain letters, digits and underscores</translation>
    </message>
    <message>
        <source>用户名只能包含字母、数字和下划线</source>
        <translation>The user name may only contain letters, digits and underscores</translation>
    </message>
    <message>
        <source>文件夹 {folder} 无法写入，请选择其他文件夹</source>
        <translation>The folder {folder} cannot be written to; choose another folder</translation>
    </message>
    <message>
        <source>密码错误：服务器拒绝了用户 {user} 的密码</source>
        <translation>Wrong password: the server refused the password of user {user}</translation>
    </message>
    <message>
        <source>请填写密码</source>
        <translation>Please enter the password</translation>
    </message>
    <message>
        <source>服务器上没有数据库 {database}，请检查数据库名，或请管理员先建库（见部署说明）</source>
        <translation>The server has no database {database}: check the name, or ask the administrator to create it (see the deployment guide)</translation>
    </message>
    <message>
        <source>服务器上没有用户 {user}，请检查用户名</source>
        <translation>The server has no user {user}: check the user name</translation>
    </message>
    <message>
        <source>服务器不允许本机连接（pg_hba.conf 未放行本机地址或要求加密），请联系管理员</source>
        <translation>The server does not accept connections from this computer (pg_hba.conf does not allow its address, or requires encryption); contact the administrator</translation>
    </message>
    <message>
        <source>加密连接失败：服务器与所选的加密方式不匹配或证书无法校验，请检查“加密方式”</source>
        <translation>The encrypted connection failed: the server does not match the chosen encryption, or its certificate cannot be verified; check &quot;Encryption&quot;</translation>
    </message>
    <message>
        <source>连接服务器超时：请检查服务器地址、网络和防火墙（端口 {port}）</source>
        <translation>The connection to the server timed out: check the server address, the network and the firewall (port {port})</translation>
    </message>
    <message>
        <source>服务器 {host} 的端口 {port} 拒绝连接：数据库服务未启动，或端口不对，或被防火墙拦截</source>
        <translation>Server {host} refused the connection on port {port}: the database service is not running, the port is wrong, or a firewall blocks it</translation>
    </message>
    <message>
        <source>找不到服务器 {host}：请检查地址是否写错</source>
        <translation>Cannot find the server {host}: check the address for typos</translation>
    </message>
    <message>
        <source>无法到达服务器 {host}：请检查网络连接</source>
        <translation>Cannot reach the server {host}: check the network connection</translation>
    </message>
    <message>
        <source>数据库文件 {path} 是只读的，请检查文件权限</source>
        <translation>The database file {path} is read-only: check the file&apos;s permissions</translation>
    </message>
    <message>
        <source>无法打开数据库文件 {path}：{error}</source>
        <translation>Cannot open the database file {path}: {error}</translation>
    </message>
    <message>
        <source>SQLite（内存）</source>
        <translation>SQLite (in memory)</translation>
    </message>
    <message>
        <source>数据库结构版本 {revision} 比本程序新，请先将本机的调解超市前台升级到最新版本再使用。</source>
        <translation>The database&apos;s schema version {revision} is newer than this program: update Mediation Centre Front Desk on this computer to the latest version first.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>MyCasesScreen</name>
    <message>
        <location filename="../../desktop/screens/my_cases.py" line="43"/>
        <source>只看我承办的（含本委员会待受理案件）</source>
        <translation>Only mine (plus my committee&apos;s cases awaiting acceptance)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/my_cases.py" line="47"/>
        <source>在列表中查找：案号、当事人（Ctrl+F）</source>
        <translation>Find in list: case no., party (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/my_cases.py" line="92"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/my_cases.py" line="112"/>
        <source>共 %n 件，逾期 %1 件，即将到期 %2 件</source>
        <translation>
            <numerusform>%n case, %1 overdue, %2 due soon</numerusform>
            <numerusform>%n cases, %1 overdue, %2 due soon</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../desktop/navigation.py" line="24"/>
        <source>案件列表</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="25"/>
        <source>取号叫号</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="26"/>
        <source>受理登记</source>
        <translation>Case intake</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="27"/>
        <source>叫号大屏</source>
        <translation>Call display</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="28"/>
        <source>预约调解</source>
        <translation>Book mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="29"/>
        <source>日程（日）</source>
        <translation>Schedule (day)</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="31"/>
        <source>日程（周）</source>
        <translation>Schedule (week)</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="33"/>
        <source>今日预约</source>
        <translation>Today&apos;s bookings</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="34"/>
        <source>我的案件</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="35"/>
        <source>案件详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="37"/>
        <source>调解记录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="38"/>
        <source>调解协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="39"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="41"/>
        <source>回访与评价</source>
        <translation>Follow-ups and ratings</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="42"/>
        <source>期限提醒</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="43"/>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="44"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="45"/>
        <source>系统设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="46"/>
        <source>节假日与调休</source>
        <translation>Holidays and make-up days</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="47"/>
        <source>个人信息保护</source>
        <translation>Personal data protection</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="48"/>
        <source>专家库</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="49"/>
        <source>专家详情</source>
        <translation>Expert details</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="51"/>
        <source>统计报表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../desktop/navigation.py" line="52"/>
        <source>统计明细</source>
        <translation>Statistics details</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>开始调解</source>
        <translation>Start mediating</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <source>调解不成</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>拒绝调解</source>
        <translation>Refused by a party</translation>
    </message>
    <message>
        <source>履行完毕</source>
        <translation>Performed</translation>
    </message>
    <message>
        <source>立卷归档</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="630"/>
        <source>回避事由放行</source>
        <translation>Override grounds for recusal</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="636"/>
        <source>放行理由：如已向各方当事人说明并征得同意</source>
        <translation>Reason, e.g. explained to all parties and they agreed</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="638"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="639"/>
        <source>回避事由</source>
        <translation>Grounds for recusal</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="640"/>
        <source>放行理由</source>
        <translation>Reason for override</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="48"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="48"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="48"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="49"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="49"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="49"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="50"/>
        <location filename="../../desktop/widgets/party_editor.py" line="55"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="50"/>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="50"/>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="51"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="54"/>
        <source>单位名称</source>
        <translation>Name of organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="54"/>
        <source>单位类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="54"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="55"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="56"/>
        <source>住所</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="91"/>
        <source>已提交授权委托书</source>
        <translation>Power of attorney submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="92"/>
        <source>明确拒绝调解</source>
        <translation>Expressly refuses mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="93"/>
        <source>人民调解法第十七条：一方明确拒绝的，不得调解，案件以“拒绝调解”结束</source>
        <translation>People&apos;s Mediation Law, Art. 17: if a party expressly refuses, there is no mediation and the case ends as “Mediation refused”</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="95"/>
        <source>代理：</source>
        <translation>Acts for: </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="108"/>
        <source>读身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="111"/>
        <source>把身份证放在读卡器上，读出姓名、性别、民族、出生日期、号码和住址</source>
        <translation>Place the ID card on the reader to read the name, sex, ethnicity, date of birth, ID number and address</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="114"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="115"/>
        <source>移除此当事人</source>
        <translation>Remove this party</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="198"/>
        <location filename="../../desktop/widgets/party_editor.py" line="511"/>
        <source>18位号码，离开时自动核对</source>
        <translation>18 digits, checked</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="199"/>
        <source>1990-01-02</source>
        <translation>1990-01-02</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="200"/>
        <source>手机或 0570-3012345</source>
        <translation>Mobile/0570-3012345</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="201"/>
        <source>18位，如 12330803…</source>
        <translation>18 characters, e.g. 12330803…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="311"/>
        <source>当事人 %1 · %2</source>
        <translation>Party %1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="323"/>
        <source>— 请选择被代理人 —</source>
        <translation>— Choose the party represented —</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="331"/>
        <source>（未填姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="333"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="444"/>
        <source>在册当事人（点击填入）：</source>
        <translation>Known parties (click to fill in): </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="480"/>
        <source>在册：%1（无需重新输入）</source>
        <translation>On file: %1 (no need to re-enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="522"/>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="526"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="528"/>
        <source>重复来访：在办%1件（%2）</source>
        <translation>Repeat visitor: open cases %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="529"/>
        <source>重复来访：在办%1件</source>
        <translation>Repeat visitor: open cases %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/party_editor.py" line="531"/>
        <source>&#x3000;· </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="425"/>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="427"/>
        <source>数据库服务器：%1
数据库用户：%2</source>
        <translation>Database server: %1
Database user: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="434"/>
        <source>在本机的系统密钥环中保存密码</source>
        <translation>Keep the password in this PC&apos;s system keyring</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="436"/>
        <source>本机没有可用的系统密钥环：密码只在本次运行期间保存在内存中。</source>
        <translation>No system keyring on this PC: the password is kept in memory for this session only.</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="443"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="448"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="449"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_dialog.py" line="459"/>
        <source>请填写密码</source>
        <translation>Please enter the password</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="280"/>
        <source>登记付款</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="281"/>
        <source>%1 应于 %2 支付，尚欠 %3 元。</source>
        <translation>%1 is due on %2; %3 yuan still owed.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="281"/>
        <source>付款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="283"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="284"/>
        <source>付款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="288"/>
        <source>付款方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="289"/>
        <source>收据/凭证号</source>
        <translation>Receipt/voucher no.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="290"/>
        <source>确认超额（付款多于尚欠金额）</source>
        <translation>Confirm overpayment (more than the amount owed)</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="81"/>
        <source>无法开始打印（打印机不可用）</source>
        <translation>Cannot start printing (the printer is not available)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="117"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="118"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="121"/>
        <source>－</source>
        <translation>−</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="122"/>
        <source>＋</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="123"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="125"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="127"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="220"/>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="244"/>
        <source>打印 %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="269"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="270"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="271"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="281"/>
        <source>打印预览 — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="281"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="283"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PrintPreviewScreen</name>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="319"/>
        <source>案件编号或当事人姓名（回车查找）</source>
        <translation>Case number or party name (Enter to search)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="327"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="328"/>
        <source>存入案件</source>
        <translation>Save to case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="329"/>
        <source>把当前文书的 PDF 保存到本案的附件中</source>
        <translation>Save this document&apos;s PDF in the case attachments</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="340"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="343"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="372"/>
        <source>没有可打印的案件</source>
        <translation>No cases to print</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="381"/>
        <source>没有找到案件：%1</source>
        <translation>Case not found: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="401"/>
        <location filename="../../desktop/screens/print_preview.py" line="494"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="402"/>
        <source>%1（%2·%3）</source>
        <translation>%1 (%2 · %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="409"/>
        <source>%1（无）</source>
        <translation>%1 (not available)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="442"/>
        <source>正在生成%1…</source>
        <translation>Generating %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/print_preview.py" line="452"/>
        <source>%1：共 %n 页</source>
        <translation>
            <numerusform>%1: %n page</numerusform>
            <numerusform>%1: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="473"/>
        <source>已保存到案件附件。</source>
        <translation>Saved in the case attachments.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="476"/>
        <source>未能保存到案件：%1</source>
        <translation>Could not save to the case: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/print_preview.py" line="495"/>
        <source>字库中没有这些字，无法打印：%1（请核对或手写补充）</source>
        <translation>The fonts have no glyphs for these characters, so they cannot be printed: %1 (please check them, or write them in by hand)</translation>
    </message>
</context>
<context>
    <name>PrivacyScreen</name>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="104"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="106"/>
        <source>匿名化所选案件…</source>
        <translation>Anonymise selected cases…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="112"/>
        <source>匿名化已归档案件（个人信息保护法第十九条、第四十七条）</source>
        <translation>Anonymise archived cases (Personal Information Protection Law, Arts. 19 and 47)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="125"/>
        <source>身份证号码或其他证件号码</source>
        <translation>ID card number or other ID document number</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="126"/>
        <source>无证件号码时：姓名</source>
        <translation>Without an ID number: name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="127"/>
        <source>无证件号码时：电话</source>
        <translation>Without an ID number: phone</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="128"/>
        <source>导出此人的全部信息…</source>
        <translation>Export all data on this person…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="134"/>
        <source>导出个人信息（个人信息保护法第四十五条：个人有权查阅、复制其个人信息）</source>
        <translation>Export personal data (Personal Information Protection Law, Art. 45: individuals may access and copy their personal data)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="136"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="137"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="138"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/privacy.py" line="155"/>
        <source>归档满%n年的案件可以匿名化：自然人当事人的姓名改为“当事人甲、乙……”，证件号码、电话、住址、出生日期等清除，案情、陈述、协议内容等文字改为“（已匿名化）”，附件删除；统计数字不变。此操作不可撤销。</source>
        <translation>
            <numerusform>Cases archived for %n year or more can be anonymised: the names of parties who are individuals become “Party A, B…”, ID numbers, phone numbers, addresses, dates of birth and the like are erased, texts such as the facts, statements and agreement terms become “(anonymised)”, and attachments are deleted; the statistics stay the same. This cannot be undone.</numerusform>
            <numerusform>Cases archived for %n years or more can be anonymised: the names of parties who are individuals become “Party A, B…”, ID numbers, phone numbers, addresses, dates of birth and the like are erased, texts such as the facts, statements and agreement terms become “(anonymised)”, and attachments are deleted; the statistics stay the same. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/privacy.py" line="173"/>
        <source>确定将%n件案件（%1）匿名化？

匿名化后无法恢复当事人的个人信息。</source>
        <translation>
            <numerusform>Anonymise %n case (%1)?

The parties&apos; personal data cannot be restored afterwards.</numerusform>
            <numerusform>Anonymise %n cases (%1)?

The parties&apos; personal data cannot be restored afterwards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/privacy.py" line="183"/>
        <source>已匿名化%n件案件：%1个当事人信息已清除，%2个与其他案件共用的当事人另建匿名记录，删除附件%3个。</source>
        <translation>
            <numerusform>%n case anonymised. Parties whose personal data was erased: %1; parties shared with other cases and given a separate anonymous record: %2; attachments deleted: %3.</numerusform>
            <numerusform>%n cases anonymised. Parties whose personal data was erased: %1; parties shared with other cases and given a separate anonymous record: %2; attachments deleted: %3.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="168"/>
        <source>请先在表中选择要匿名化的案件</source>
        <translation>First select the cases to anonymise in the table</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="172"/>
        <source>%1等</source>
        <translation>%1 and others</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="196"/>
        <source>请填写证件号码，或同时填写姓名和电话</source>
        <translation>Enter an ID number, or both a name and a phone number</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="198"/>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="208"/>
        <source>已导出到 %1：%2</source>
        <translation>Exported to %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="219"/>
        <source>确认匿名化</source>
        <translation>Confirm anonymisation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="225"/>
        <source>导出个人信息</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="226"/>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../desktop/screens/queue.py" line="163"/>
        <source>取号（按服务）</source>
        <extracomment>Keys for the services in the centre&apos;s order (11 services: F1…F11; F12 calls). Start intake: the ticket being served (its ``prefill`` fills the intake form). A ticket was printed (PrintResult) — for the status bar and tests.</extracomment>
        <translation>Take a ticket (by service)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="173"/>
        <source>为“%1”取号并打印票据</source>
        <translation>Take a ticket for “%1” and print it</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="194"/>
        <source>本机所在的窗口或柜台（叫号大屏上显示）</source>
        <translation>The window or counter of this PC (shown on the call display)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="197"/>
        <source>全部服务</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="200"/>
        <source>叫下一位时从哪项服务的队列中叫号</source>
        <translation>Which service queue “Call next” calls from</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="202"/>
        <source>本机窗口</source>
        <translation>This window</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="205"/>
        <source>叫号范围</source>
        <translation>Call from</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="211"/>
        <source>当前呼叫</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="227"/>
        <source>叫下一位
F12</source>
        <translation>Call next
F12</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="229"/>
        <source>叫下一位（F12 或 Ctrl+Enter）</source>
        <translation>Call the next number (F12 or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="231"/>
        <source>重呼  Ctrl+R</source>
        <translation>Recall Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="231"/>
        <source>再呼叫一次（选中过号的号票可重新呼叫）</source>
        <translation>Call again (a selected missed ticket can be called again)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="233"/>
        <source>过号  Ctrl+K</source>
        <translation>Skip Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="233"/>
        <source>当事人不在：放回队列，呼叫次数满即作过号</source>
        <translation>Party not here: back into the queue; marked missed once the call limit is reached</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="235"/>
        <source>转窗口  Ctrl+T</source>
        <translation>Transfer Ctrl+T</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="235"/>
        <source>转到其他服务，保留原排队时间</source>
        <translation>Move to another service, keeping the original queue time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="241"/>
        <source>开始登记  Ctrl+I</source>
        <translation>Intake Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="241"/>
        <source>开始办理并打开登记表（预填服务和到达时间）</source>
        <translation>Start serving and open the intake form (service and arrival time filled in)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="243"/>
        <source>办结  Ctrl+D</source>
        <translation>Done Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="243"/>
        <source>接待完毕</source>
        <translation>Finished serving</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="280"/>
        <source>显示已办结、过号和已转的号</source>
        <translation>Show done/missed/transferred</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="304"/>
        <source>最近打印的票据</source>
        <translation>Last printed ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="305"/>
        <source>尚未打印票据</source>
        <translation>No ticket printed yet</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="312"/>
        <source>重打  Ctrl+P</source>
        <translation>Reprint  Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="312"/>
        <source>再打印选中号票（或最近一张）的票据</source>
        <translation>Print the selected ticket (or the last one) again</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="314"/>
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="314"/>
        <source>用系统的 PDF 阅读器打开，可从中打印</source>
        <translation>Open in the system PDF viewer, to print from there</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="444"/>
        <source>无法读取队列：</source>
        <translation>Cannot read the queue: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="468"/>
        <source>等候队列：共 %1 人等候</source>
        <translation>Queue: %1 waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="475"/>
        <source>今日取号 %1&#x3000;已办结 %2
过号 %3&#x3000;转窗口 %4</source>
        <translation>Tickets today %1  Done %2
Missed %3  Transferred %4</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="479"/>
        <source>%1&#x3000;平均等候 %2 分钟</source>
        <translation>%1  Average wait %2 min</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="494"/>
        <source>%1&#x3000;等候 %2 人</source>
        <translation>%1  %2 waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="496"/>
        <source>%1&#x3000;%2 人</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="500"/>
        <source>未选择窗口</source>
        <translation>No window selected</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="505"/>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="506"/>
        <source>按 F12 叫下一位；按 F1–F11 为对应服务取号。</source>
        <translation>F12 calls the next number; F1–F11 take a ticket for a service.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="510"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="511"/>
        <source>第 %1 次呼叫</source>
        <translation>Call no. %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="512"/>
        <source>%1&#x3000;·&#x3000;%2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="513"/>
        <source>取号 %1，已等 %2 分钟</source>
        <translation>Ticket taken %1, waited %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/queue.py" line="516"/>
        <source>再呼 %n 次未到即过号</source>
        <translation>
            <numerusform>Missed after %n more call</numerusform>
            <numerusform>Missed after %n more calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/queue.py" line="633"/>
        <source>%1 已呼叫 %n 次未到，作过号处理。</source>
        <translation>
            <numerusform>%1 did not come after %n call and is marked missed.</numerusform>
            <numerusform>%1 did not come after %n calls and is marked missed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/queue.py" line="635"/>
        <source>%1 暂未到，已放回队列（还可呼叫 %n 次）。</source>
        <translation>
            <numerusform>%1 is not here yet; back in the queue (%n call left).</numerusform>
            <numerusform>%1 is not here yet; back in the queue (%n calls left).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="518"/>
        <source>由 %1 转入</source>
        <translation>Transferred from %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="571"/>
        <source>操作未完成：</source>
        <translation>Not completed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="580"/>
        <source>已取号 %1（%2），前面 %3 人等候。正在打印票据…</source>
        <translation>Ticket %1 (%2) taken, %3 ahead. Printing ticket…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="590"/>
        <source>请先选择本机窗口</source>
        <translation>Please choose this PC&apos;s window first</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="597"/>
        <source>%1暂无等候的号。</source>
        <translation>No one is waiting for %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="602"/>
        <source>请 %1 号到 %2。</source>
        <translation>Number %1, please go to %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="610"/>
        <source>没有可重呼的号：请先叫号或在列表中选中号票</source>
        <translation>Nothing to recall: call a number or select a ticket in the list first</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="616"/>
        <source>已重呼 %1（第 %2 次）。</source>
        <translation>Recalled %1 (call no. %2).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="625"/>
        <source>只有正在呼叫的号可以过号</source>
        <translation>Only the number being called can be skipped</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="647"/>
        <source>请先选中要转窗口的号票</source>
        <translation>Please select the ticket to transfer first</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="654"/>
        <source>%1 已转至%2，新号 %3（保留原排队时间）。正在打印新票据…</source>
        <translation>%1 transferred to %2 as %3 (original queue time kept). Printing the new ticket…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="665"/>
        <source>请先叫号或选中号票，再开始登记</source>
        <translation>Call a number or select a ticket before starting the intake</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="670"/>
        <source>%1 办理中：正在打开登记表。</source>
        <translation>Serving %1: opening the intake form.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="679"/>
        <source>没有正在办理的号</source>
        <translation>No number is being served</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="686"/>
        <source>%1 已办结。</source>
        <translation>%1 done.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="700"/>
        <source>PDF 已保存</source>
        <translation>PDF saved</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="701"/>
        <source>票据 %1 已打印（%2）。</source>
        <translation>Ticket %1 printed (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="703"/>
        <source>正在打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="714"/>
        <source>票据未能打印：</source>
        <translation>Ticket not printed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="715"/>
        <source>（号已取到，可按 Ctrl+P 重打）</source>
        <translation>(the ticket is taken; press Ctrl+P to reprint)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="733"/>
        <location filename="../../desktop/screens/queue.py" line="744"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="734"/>
        <source>已送打印机：</source>
        <translation>Sent to printer: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/queue.py" line="735"/>
        <source>已保存 PDF（未配置票据打印机）</source>
        <translation>PDF saved (no ticket printer configured)</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="145"/>
        <location filename="../../desktop/models/queue_table.py" line="165"/>
        <source>过号待呼</source>
        <translation>Missed, to recall</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="147"/>
        <location filename="../../desktop/models/queue_table.py" line="170"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="181"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="182"/>
        <source>取号：</source>
        <translation>Taken: </translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="184"/>
        <source>最近叫号：</source>
        <translation>Last called: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/models/queue_table.py" line="186"/>
        <source>已呼叫 %1 次，再呼 %n 次未到即过号</source>
        <translation>
            <numerusform>Calls so far: %1; missed after %n more call</numerusform>
            <numerusform>Calls so far: %1; missed after %n more calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="375"/>
        <source>取消预约</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="378"/>
        <source>取消原因（必填），如：当事人申请撤回、双方已自行和解</source>
        <translation>Reason (required), e.g. the applicant withdrew, the parties settled themselves</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="382"/>
        <source>确认取消预约</source>
        <translation>Confirm cancellation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="383"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="387"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="211"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="217"/>
        <source>拒绝调解的当事人</source>
        <translation>Party refusing mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="220"/>
        <source>原因（将写入告知书）</source>
        <translation>Reason (goes into the notice)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="222"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RecusalDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="595"/>
        <source>回避申请</source>
        <translation>Recusal request</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="605"/>
        <source>申请理由（口头申请的，记录当事人的陈述）</source>
        <translation>Grounds (for an oral request, record what the party said)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="607"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="608"/>
        <source>申请回避的人员</source>
        <translation>Person to be recused</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="609"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="610"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="611"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="612"/>
        <source>理由</source>
        <translation>Grounds</translation>
    </message>
</context>
<context>
    <name>RelationModel</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="133"/>
        <source>关系人或单位</source>
        <translation>Person or organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="133"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="134"/>
        <source>证件号码/统一社会信用代码</source>
        <translation>ID number / unified social credit code</translation>
    </message>
</context>
<context>
    <name>RelationsDialog</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="658"/>
        <source>申报的关系：%1</source>
        <translation>Declared relationships: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="671"/>
        <source>调解员申报的亲属、原单位等关系，提名调解员时与各方当事人比对。</source>
        <translation>Relatives, former employers and other ties declared by the mediator; compared with the parties when a mediator is proposed.</translation>
    </message>
</context>
<context>
    <name>RelationsEditor</name>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="181"/>
        <source>姓名或单位名称</source>
        <translation>Name of person or organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="182"/>
        <source>关系：配偶、近亲属、原工作单位、股东…</source>
        <translation>Relationship: spouse, close relative, former employer, shareholder…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="183"/>
        <source>身份证号或统一社会信用代码（可不填）</source>
        <translation>ID number or unified social credit code (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="184"/>
        <source>添加关系</source>
        <translation>Add relationship</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/expert_detail.py" line="185"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
</context>
<context>
    <name>RequestsEditor</name>
    <message>
        <location filename="../../desktop/screens/intake.py" line="153"/>
        <source>请求事项（回车添加下一项）</source>
        <translation>Request (Enter adds another)</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="413"/>
        <source>改期</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="423"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="426"/>
        <source>改期原因（必填）</source>
        <translation>Reason for rescheduling (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="440"/>
        <source>确认改期</source>
        <translation>Confirm new time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="441"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="449"/>
        <source>原定</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="449"/>
        <source>%1&#x3000;%2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="451"/>
        <source>新时间</source>
        <translation>New time</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="453"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="482"/>
        <source>不能改到该时间：</source>
        <translation>Cannot move to that time: </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="227"/>
        <source>%1（今天）</source>
        <translation>%1 (today)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="236"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SafeguardModel</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="391"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="391"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="392"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="392"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="393"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="394"/>
        <source>专家参与（第二十条）</source>
        <translation>Expert taking part (Art. 20)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="395"/>
        <source>选定调解员（第十九条）</source>
        <translation>Mediator chosen (Art. 19)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="396"/>
        <source>回避申请</source>
        <translation>Recusal request</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="397"/>
        <source>回避放行</source>
        <translation>Recusal overridden</translation>
    </message>
</context>
<context>
    <name>ScheduleGrid</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="171"/>
        <source>没有可显示的行</source>
        <translation>Nothing to show</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="306"/>
        <source>%1；专家%2</source>
        <translation>%1; experts %2</translation>
    </message>
</context>
<context>
    <name>SessionRecordScreen</name>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="65"/>
        <source>医疗纠纷未经双方当事人同意，不得公开进行调解（《医疗纠纷预防和处理条例》第四十二条）。%1</source>
        <extracomment>The risk notice a new record starts with. In Chinese whatever the UI&apos;s language: it is the record&apos;s text, printed on the 调解记录. The medical rule on public mediation, followed by (%1) whose consent is still missing.</extracomment>
        <translation>A medical dispute may not be mediated in public without the consent of both parties (Medical Dispute Regulation, Art. 42). %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="121"/>
        <source>返回案件</source>
        <translation>Back to case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="126"/>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="127"/>
        <source>丢弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="145"/>
        <source>邀请参加的专家、律师、亲友等（人民调解法第二十条）</source>
        <translation>Invited experts, lawyers, relatives or friends (People&apos;s Mediation Law, Art. 20)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="149"/>
        <source>公开调解（当事人要求公开，人民调解法第二十三条）</source>
        <translation>Public mediation (at the parties&apos; request, People&apos;s Mediation Law, Art. 23)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="151"/>
        <source>当事人陈述</source>
        <translation>Parties&apos; statements</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="153"/>
        <source>经调查核实的事实</source>
        <translation>Facts verified by investigation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="155"/>
        <source>达成的协议内容，或未达成协议的原因及告知的其他途径</source>
        <translation>Terms agreed, or why no agreement was reached and which other remedies were explained</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="156"/>
        <source>如：补充证据后择日再调、制作调解协议书</source>
        <translation>e.g. another session once more evidence is in, draw up the mediation agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="164"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="165"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="166"/>
        <source>调解地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="167"/>
        <source>调解事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="168"/>
        <source>参加人</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="169"/>
        <source>到场当事人</source>
        <translation>Parties present</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="170"/>
        <source>是否公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="173"/>
        <source>查明的事实</source>
        <translation>Facts found</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="174"/>
        <source>风险告知</source>
        <translation>Risks explained</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="175"/>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="176"/>
        <source>下一步安排</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="177"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="178"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="194"/>
        <source>保存调解记录（Ctrl+S）</source>
        <translation>Save session record (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="197"/>
        <source>新建另一份</source>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="201"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="258"/>
        <source>— 请选择 —</source>
        <translation>— Please choose —</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="262"/>
        <location filename="../../desktop/screens/session_record.py" line="343"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="303"/>
        <source>没有已受理或调解中的案件</source>
        <translation>No cases accepted or in mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="310"/>
        <location filename="../../desktop/screens/session_record.py" line="442"/>
        <source>修改调解记录</source>
        <translation>Edit session record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="312"/>
        <source>新建调解记录</source>
        <translation>New session record</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="316"/>
        <source>调解室</source>
        <translation>Mediation room</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="406"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="348"/>
        <source>%1的陈述和请求</source>
        <translation>Statement and requests of %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="400"/>
        <source>请记录当事人对公开或不公开调解的选择。</source>
        <translation>Please record the parties&apos; choice of public or private mediation.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="405"/>
        <source>双方均已同意公开。</source>
        <translation>Both sides agreed to public mediation.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="406"/>
        <source>尚未记录同意：%1。</source>
        <translation>Consent not yet recorded: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="409"/>
        <source>未经双方同意不得公开</source>
        <translation>Not public without the consent of both sides</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="434"/>
        <source>未保存：请按提示修改后再保存。</source>
        <translation>Not saved: please correct the marked fields and save again.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="445"/>
        <source>调解记录已保存（%1，案件状态：%2）。</source>
        <translation>Session record saved (%1, case status: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="513"/>
        <source>这份调解记录有未保存的草稿（%1），是否恢复？</source>
        <translation>This session record has an unsaved draft (%1). Restore it?</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/session_record.py" line="553"/>
        <source>已恢复草稿，请核对后保存。</source>
        <translation>Draft restored; please check it and save.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../desktop/screens/settings.py" line="84"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/settings.py" line="87"/>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/settings.py" line="144"/>
        <source>已恢复 %1 未保存的 %n 项修改，核对后按“保存设置”。</source>
        <translation>
            <numerusform>Restored %n unsaved change from %1: check it, then press “Save settings”.</numerusform>
            <numerusform>Restored %n unsaved changes from %1: check them, then press “Save settings”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/settings.py" line="173"/>
        <source>有 %n 处需要更正，未保存</source>
        <translation>
            <numerusform>%n field needs correcting; not saved</numerusform>
            <numerusform>%n fields need correcting; not saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/settings.py" line="181"/>
        <source>已保存 %n 项设置。部分设置（如锁屏时间）在下次登录时生效。</source>
        <translation>
            <numerusform>%n setting saved. Some settings (such as the screen lock time) take effect at the next login.</numerusform>
            <numerusform>%n settings saved. Some settings (such as the screen lock time) take effect at the next login.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/settings.py" line="164"/>
        <source>没有改动</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/settings.py" line="176"/>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
</context>
<context>
    <name>Signatures</name>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="78"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>StatCard</name>
    <message>
        <location filename="../../desktop/screens/stats.py" line="441"/>
        <source>上月</source>
        <translation>Prev. month</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="442"/>
        <source>去年同月</source>
        <translation>Year before</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="435"/>
        <source>单击查看案件明细</source>
        <translation>Click to see the cases</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="72"/>
        <source>{value}百分点</source>
        <translation>{value} pp</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="441"/>
        <source>环比</source>
        <translation>vs. previous month</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="442"/>
        <source>同比</source>
        <translation>vs. a year before</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="445"/>
        <source>%1 %2，%3 %4</source>
        <translation>%1 %2, %3 %4</translation>
    </message>
</context>
<context>
    <name>StatsDrilldownScreen</name>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="124"/>
        <source>统计月份（上下键切换月份）</source>
        <translation>Month (Up/Down to change)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="128"/>
        <source>全部委员会</source>
        <translation>All committees</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="129"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="130"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="131"/>
        <source>全部调解员</source>
        <translation>All mediators</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="94"/>
        <location filename="../../desktop/screens/stats_drilldown.py" line="132"/>
        <source>未分配调解员</source>
        <translation>No mediator assigned</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="80"/>
        <source>yyyy年M月</source>
        <extracomment>The figures a drill-down can list, in the order of the picker.</extracomment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="81"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="95"/>
        <source>调解员 %1</source>
        <translation>Mediator %1</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="121"/>
        <source>yyyy年MM月</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="147"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="149"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/stats_drilldown.py" line="246"/>
        <location filename="../../desktop/screens/stats_drilldown.py" line="256"/>
        <source>共 %n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats_drilldown.py" line="248"/>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
</context>
<context>
    <name>StatsScreen</name>
    <message>
        <location filename="../../desktop/screens/stats.py" line="486"/>
        <source>yyyy年MM月</source>
        <extracomment>Emitted with the DrillSpec whenever a number is clicked (also opens the drill-down).</extracomment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="489"/>
        <source>统计月份（上下键切换月份）</source>
        <translation>Month (Up/Down to change)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="490"/>
        <source>◀ 上月</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="491"/>
        <source>下月 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="492"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="493"/>
        <source>导出月报 PDF…</source>
        <translation>Export monthly report PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="494"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="505"/>
        <source>统计月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="548"/>
        <source>按委员会</source>
        <translation>By committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="549"/>
        <source>按纠纷类型</source>
        <translation>By dispute type</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="550"/>
        <source>按来源</source>
        <translation>By source</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="551"/>
        <source>按调解员（一案一补）</source>
        <translation>By mediator (one subsidy per case)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="608"/>
        <source>正在统计%1年%2月…</source>
        <translation>Counting %1-%2…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="622"/>
        <source>统计失败：</source>
        <translation>Statistics failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="641"/>
        <location filename="../../desktop/screens/stats.py" line="648"/>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="642"/>
        <location filename="../../desktop/screens/stats.py" line="650"/>
        <source>调解成功</source>
        <translation>Successful</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="649"/>
        <source>办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="652"/>
        <source>比较：上月 %1，去年同月 %2</source>
        <translation>vs %1 and %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="656"/>
        <source>本月数据截至%1日；</source>
        <translation>Up to day %1; </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="665"/>
        <source>yyyy年M月</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="671"/>
        <location filename="../../desktop/screens/stats.py" line="686"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="682"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="702"/>
        <source>“%1”不对应具体案件</source>
        <translation>“%1” does not correspond to individual cases</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="730"/>
        <source>统计明细</source>
        <translation>Statistics details</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="752"/>
        <source>导出月报 PDF</source>
        <translation>Export monthly report PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="753"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="760"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="761"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="792"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="796"/>
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="801"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
</context>
<context>
    <name>StatsTableModel</name>
    <message>
        <location filename="../../desktop/screens/stats.py" line="182"/>
        <source>上月</source>
        <extracomment>Columns of the committee, type and source tables: the summary&apos;s figures but the sessions (counted by mediator: the mediator tab).</extracomment>
        <translation>Prev. month</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="182"/>
        <source>去年同月</source>
        <translation>Year before</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="185"/>
        <source>%1：%2（%3）</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="188"/>
        <source>单击查看案件明细</source>
        <translation>Click to see the cases</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="524"/>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="525"/>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="526"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="527"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/stats.py" line="528"/>
        <source>所属委员会</source>
        <translation>Committee</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../desktop/screens/experts.py" line="322"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="323"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="324"/>
        <source>单位/委员会</source>
        <translation>Employer / committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="325"/>
        <source>适配理由</source>
        <translation>Why suggested</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="326"/>
        <source>当前负荷</source>
        <translation>Current load</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="327"/>
        <source>回避事由</source>
        <translation>Grounds for recusal</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="369"/>
        <source>在办%1件，本周%2场</source>
        <translation>%1 open, %2 booked</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/experts.py" line="386"/>
        <source>，</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <location filename="../../desktop/screens/intake.py" line="241"/>
        <source>采纳此建议（Alt+%1）</source>
        <translation>Take this suggestion (Alt+%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="264"/>
        <source>&#x3000;</source>
        <translation>  </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/intake.py" line="267"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>TableCells</name>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="138"/>
        <source>尚未受理，调解期限未开始计算</source>
        <translation>Not yet accepted; the mediation time limit has not started</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="141"/>
        <source>
（暂定：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算，请以国务院公布的安排为准）</source>
        <translation>
(Provisional: the time limit runs into a year whose public holidays have not been announced yet, so it is computed from weekends and statutory holidays; the State Council&apos;s announcement prevails)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="148"/>
        <source>代理%1</source>
        <translation>Agent for %1</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="149"/>
        <source>明确拒绝调解</source>
        <translation>Expressly refuses mediation</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="150"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="156"/>
        <source>已付清（%1）</source>
        <translation>Paid in full (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="159"/>
        <source>部分已付</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="160"/>
        <source>待付</source>
        <translation>Unpaid</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/models/mediation_tables.py" line="164"/>
        <source>逾期%n日</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/models/mediation_tables.py" line="168"/>
        <source>%n日</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="210"/>
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="211"/>
        <source>不同意</source>
        <translation>Does not agree</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="223"/>
        <source>公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="224"/>
        <source>不公开</source>
        <translation>Not public</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="268"/>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="268"/>
        <source>逾期未答复</source>
        <translation>Reply overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="269"/>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="269"/>
        <source>逾期答复</source>
        <translation>Replied late</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="283"/>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="284"/>
        <source>逾期未回访</source>
        <translation>Visit overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="285"/>
        <source>待回访</source>
        <translation>To visit</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="297"/>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="298"/>
        <source>期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算</source>
        <translation>The time limit runs into a year whose public holidays have not been announced yet; computed from weekends and statutory holidays</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="324"/>
        <source>%1（改派）</source>
        <translation>%1 (transferred)</translation>
    </message>
</context>
<context>
    <name>TableHeaders</name>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="40"/>
        <location filename="../../desktop/models/mediation_tables.py" line="330"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="41"/>
        <location filename="../../desktop/models/mediation_tables.py" line="175"/>
        <location filename="../../desktop/models/mediation_tables.py" line="247"/>
        <location filename="../../desktop/models/mediation_tables.py" line="275"/>
        <location filename="../../desktop/models/mediation_tables.py" line="292"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="42"/>
        <source>调解室</source>
        <translation>Mediation room</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="43"/>
        <location filename="../../desktop/models/mediation_tables.py" line="190"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="44"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="45"/>
        <source>邀请当事人（✓到场 ✗未到）</source>
        <translation>Parties invited (✓ present ✗ absent)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="46"/>
        <location filename="../../desktop/models/mediation_tables.py" line="178"/>
        <location filename="../../desktop/models/mediation_tables.py" line="240"/>
        <location filename="../../desktop/models/mediation_tables.py" line="282"/>
        <location filename="../../desktop/models/mediation_tables.py" line="300"/>
        <location filename="../../desktop/models/queue_table.py" line="39"/>
        <location filename="../../desktop/models/user_table.py" line="28"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="138"/>
        <location filename="../../desktop/models/mediation_tables.py" line="177"/>
        <location filename="../../desktop/models/mediation_tables.py" line="208"/>
        <location filename="../../desktop/models/mediation_tables.py" line="293"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="138"/>
        <location filename="../../desktop/models/mediation_tables.py" line="196"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/models/appointment_table.py" line="138"/>
        <source>到场情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="207"/>
        <location filename="../../desktop/models/mediation_tables.py" line="350"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="351"/>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="353"/>
        <source>安排</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="197"/>
        <location filename="../../desktop/models/mediation_tables.py" line="355"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="356"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="176"/>
        <location filename="../../desktop/models/mediation_tables.py" line="276"/>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="179"/>
        <source>受理日期</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="180"/>
        <source>期限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="183"/>
        <source>期限届满日</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="186"/>
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="189"/>
        <source>下次预约</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="198"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="199"/>
        <location filename="../../desktop/models/mediation_tables.py" line="238"/>
        <location filename="../../desktop/models/mediation_tables.py" line="252"/>
        <location filename="../../desktop/models/mediation_tables.py" line="278"/>
        <location filename="../../desktop/models/mediation_tables.py" line="294"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="200"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="201"/>
        <location filename="../../desktop/models/queue_table.py" line="45"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="209"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="210"/>
        <source>意见</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="213"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="214"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="220"/>
        <source>调解时间</source>
        <translation>Session time</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="221"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="222"/>
        <source>到场当事人</source>
        <translation>Parties present</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="223"/>
        <source>公开</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="225"/>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="226"/>
        <source>下一步</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="227"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="233"/>
        <location filename="../../desktop/models/mediation_tables.py" line="248"/>
        <source>应付日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="234"/>
        <location filename="../../desktop/models/mediation_tables.py" line="260"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="235"/>
        <source>已付（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="236"/>
        <location filename="../../desktop/models/mediation_tables.py" line="250"/>
        <source>未付（元）</source>
        <translation>Outstanding (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="237"/>
        <location filename="../../desktop/models/mediation_tables.py" line="251"/>
        <source>付款人</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="239"/>
        <location filename="../../desktop/models/mediation_tables.py" line="253"/>
        <source>收款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="249"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="259"/>
        <source>付款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="261"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="262"/>
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="263"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="274"/>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="277"/>
        <source>被回访人</source>
        <translation>Person visited</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="279"/>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="280"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="295"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="296"/>
        <source>登记日</source>
        <translation>Logged</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="297"/>
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="302"/>
        <source>答复日</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="303"/>
        <source>答复情况</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="309"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="310"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="311"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="312"/>
        <source>添加时间</source>
        <translation>Added at</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="313"/>
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="314"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="331"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="332"/>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/models/mediation_tables.py" line="333"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="37"/>
        <source>号码</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="38"/>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="40"/>
        <source>取号</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="43"/>
        <source>呼叫</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="51"/>
        <source>取号时间</source>
        <translation>Time the ticket was taken</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="52"/>
        <source>自取号起已等候的时间</source>
        <translation>Time waited since the ticket was taken</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="53"/>
        <source>同一服务排在前面的人数</source>
        <translation>People ahead in the same service</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="54"/>
        <source>已呼叫次数（过号后再叫也计入）</source>
        <translation>Times called (calls after a miss included)</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="41"/>
        <source>已等候</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="42"/>
        <source>前面</source>
        <translation>Ahead</translation>
    </message>
    <message>
        <location filename="../../desktop/models/queue_table.py" line="44"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="24"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="25"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="26"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="27"/>
        <source>所属委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="29"/>
        <source>最近登录</source>
        <translation>Last login</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <location filename="../../desktop/texts.py" line="18"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="23"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/texts.py" line="33"/>
        <source>{n}个工作日</source>
        <translation>
            <numerusform>{n} working day</numerusform>
            <numerusform>{n} working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/texts.py" line="34"/>
        <source>{n}日</source>
        <translation>
            <numerusform>{n} day</numerusform>
            <numerusform>{n} days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/texts.py" line="44"/>
        <source>M月d日（dddd）</source>
        <translation>ddd d MMM</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../../desktop/screens/today.py" line="62"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="91"/>
        <source>到场 (F2)</source>
        <translation>Present (F2)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="92"/>
        <source>未到 (F3)</source>
        <translation>Absent (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="93"/>
        <source>撤销标记</source>
        <translation>Clear mark</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="94"/>
        <source>补打调解通知书 (Ctrl+P)</source>
        <translation>Reprint mediation notice (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="95"/>
        <source>详情/改期/取消… (Enter)</source>
        <translation>Details/reschedule/cancel… (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="113"/>
        <source>到场登记</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="176"/>
        <source>今日预约</source>
        <translation>Today&apos;s appointments</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="176"/>
        <source>预约</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="178"/>
        <source>yyyy年M月d日 dddd</source>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="179"/>
        <source>%1&#x3000;%2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="221"/>
        <source>刷新失败：</source>
        <translation>Refresh failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="317"/>
        <source>正在生成调解通知书…</source>
        <translation>Generating mediation notice…</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="320"/>
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="324"/>
        <source>生成失败：</source>
        <translation>Could not generate: </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="252"/>
        <source>实时更新</source>
        <translation>Live updates</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/today.py" line="250"/>
        <source>%n 场调解&#x3000;邀请 %1 人&#x3000;到场 %2&#x3000;未到 %3&#x3000;</source>
        <translation>
            <numerusform>%n session  %1 invited  %2 present  %3 absent  </numerusform>
            <numerusform>%n sessions  %1 invited  %2 present  %3 absent  </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="252"/>
        <source>每2秒自动刷新</source>
        <translation>Refreshes every 2 seconds</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/today.py" line="253"/>
        <source>&#x3000;最近刷新：</source>
        <translation>  Last refresh: </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop/screens/users.py" line="132"/>
        <source>编辑用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="132"/>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="153"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="155"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="157"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="159"/>
        <source>所属委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="162"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../desktop/models/user_table.py" line="72"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="73"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../desktop/models/user_table.py" line="73"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../desktop/screens/users.py" line="60"/>
        <source>新增用户(&amp;N)</source>
        <translation>&amp;New user</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="62"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="63"/>
        <source>重置密码(&amp;R)</source>
        <translation>&amp;Reset password</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="64"/>
        <source>停用/启用(&amp;D)</source>
        <translation>&amp;Disable/enable</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="101"/>
        <location filename="../../desktop/screens/users.py" line="110"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="102"/>
        <source>为 %1 设置临时密码（至少8位，含字母和数字；对方首次登录须修改）：</source>
        <translation>Temporary password for %1 (at least 8 characters, with letters and digits; to be changed at first login):</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/users.py" line="121"/>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="240"/>
        <source>登记回访</source>
        <translation>Record follow-up</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="241"/>
        <source>被回访人：%1。如实记录当事人的评价，不得诱导或代替评价；评价为“不满意”或“非常不满意”的，自动登记差评台账。</source>
        <translation>Visited: %1. Record the party&apos;s rating truthfully, without leading or rating for them; “Dissatisfied” or “Very dissatisfied” goes into the complaints log automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="243"/>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="244"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="245"/>
        <source>协议履行情况（已付款项、未履行部分及原因）</source>
        <translation>Performance of the agreement (amounts paid, what is outstanding and why)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="232"/>
        <source>未评价</source>
        <extracomment>The five levels and &quot;none&quot;, as (value, Chinese label): labels are translated when a dialog shows them.</extracomment>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="259"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="260"/>
        <source>当事人已就本纠纷向人民法院起诉</source>
        <translation>A party has sued in the people&apos;s court over this dispute</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="261"/>
        <source>存在矛盾激化风险（人民调解法第二十五条）</source>
        <translation>Risk of escalation (People&apos;s Mediation Law, Art. 25)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="262"/>
        <source>采取的措施</source>
        <translation>Measures taken</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/mediation_forms.py" line="263"/>
        <source>如：再次组织协商、已报告派出所（写明时间、对象）</source>
        <translation>e.g. arranged further talks, reported to the police station (give time and to whom)</translation>
    </message>
</context>
<context>
    <name>_CalendarScreen</name>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="603"/>
        <source>◀ 前一天</source>
        <translation>◀ Previous day</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="603"/>
        <source>◀ 上一周</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="604"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="605"/>
        <source>后一天 ▶</source>
        <translation>Next day ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="605"/>
        <source>下一周 ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="610"/>
        <source>按调解室</source>
        <translation>By room</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="611"/>
        <source>按人员</source>
        <translation>By person</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="612"/>
        <source>显示已取消</source>
        <translation>Show cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="613"/>
        <source>只看有安排的</source>
        <translation>Only with bookings</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="632"/>
        <source>蓝色：已预约&#x3000;绿色：已举行&#x3000;灰色删除线：已取消&#x3000;斜线：场间间隔&#x3000;粉色：休息日&#x3000;单击预约查看详情、改期或取消</source>
        <translation>Blue: booked  Green: held  Grey struck-through: cancelled  Hatched: buffer between sessions  Pink: day off  Click a booking for details, rescheduling or cancelling</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="694"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/screens/calendar.py" line="706"/>
        <source>共 %n 场调解</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/screens/calendar.py" line="709"/>
        <source>读取失败：</source>
        <translation>Loading failed: </translation>
    </message>
</context>
<context>
    <name>_CaseModel</name>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="44"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="44"/>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="45"/>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="46"/>
        <source>归档日期</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/privacy.py" line="46"/>
        <source>当事人数</source>
        <translation>Parties</translation>
    </message>
</context>
<context>
    <name>_InstalmentRow</name>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="125"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="133"/>
        <source>（请选择）</source>
        <translation>(Please choose)</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="139"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>_TermRow</name>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="104"/>
        <source>如：被申请人于2026年12月31日前一次性支付申请人赔偿款人民币20000元</source>
        <translation>e.g. The respondent pays the applicant compensation of RMB 20,000 in one sum by 31 December 2026</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="105"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/screens/agreement_editor.py" line="106"/>
        <source>删除这一条</source>
        <translation>Delete this term</translation>
    </message>
</context>
</TS>
