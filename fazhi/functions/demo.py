"""Demo records of 丰盛镇: a power list covering the ten standard categories, public services,
service guides with certificates replaceable by commitment, 2023 commitments and their
verification, and a dated 2023 change. Created through the services; idempotent."""

import datetime

from . import services
from .models import PowerItem

D = datetime.date
LISTED = D(2022, 12, 20)

RESP = "受理责任:公示依法应当提交的材料,一次性告知补正材料;审查责任:对申请材料进行审查;决定责任:作出决定并说明理由;送达责任:制作并送达文书;事后监管责任:加强监督检查。"
ACCOUNT = "因不履行或不正确履行职责,有下列情形之一的,行政机关及其工作人员应承担相应责任:对符合条件的申请不予受理、审查或决定的;违反法定程序实施的;滥用职权、玩忽职守、徇私舞弊的。"

POWERS = [
    ("XK-001", "乡村建设规划许可证核发", "licensing", "建设管理环保办", "《中华人民共和国城乡规划法》第四十一条"),
    ("XK-002", "农村村民宅基地审批", "licensing", "规划建设管理环保办", "《中华人民共和国土地管理法》第六十二条"),
    ("CF-001", "对在城市道路上乱堆乱放物料的处罚", "penalty", "综合行政执法办公室", "《城市道路管理条例》第四十二条"),
    ("CF-002", "对未经批准占用村庄公共场地的处罚", "penalty", "综合行政执法办公室", "《重庆市市容环境卫生管理条例》"),
    ("CF-003", "对违反森林防火规定野外用火的处罚", "penalty", "应急管理办公室", "《森林防火条例》第五十条"),
    # The powers the enforcement units exercise (their matters cite these codes).
    ("XZCF-0101", "对擅自占用城市道路经营的处罚", "penalty", "市政中队", "《城市市容和环境卫生管理条例》第三十六条"),
    ("XZCF-0102", "对随意倾倒、抛撒生活垃圾的处罚", "penalty", "市政中队", "《重庆市市容环境卫生管理条例》第五十七条"),
    ("XZCF-0201", "对生产经营单位未开展安全生产教育培训的处罚", "penalty", "应急管理办公室",
     "《中华人民共和国安全生产法》第九十七条"),
    ("XZCF-0301", "对网吧接纳未成年人的处罚", "penalty", "文化服务中心", "《互联网上网服务营业场所管理条例》第三十一条"),
    ("XZCF-0401", "对违法建设的责令停止建设、限期拆除", "penalty", "综合行政执法办公室", "《中华人民共和国城乡规划法》第六十五条"),
    ("QZ-001", "对违法建筑物、构筑物的强制拆除", "coercion", "综合行政执法办公室", "《中华人民共和国城乡规划法》第六十五条"),
    ("ZS-001", "农村集体土地征收补偿费用的发放", "levy", "规划建设管理环保办", "《中华人民共和国土地管理法》第四十八条"),
    ("GF-001", "城乡最低生活保障对象审核", "benefit", "社会事务办公室", "《社会救助暂行办法》第十一条"),
    ("GF-002", "临时救助金给付", "benefit", "社会事务办公室", "《社会救助暂行办法》第四十八条"),
    ("GF-003", "特困人员供养待遇给付", "benefit", "社会事务办公室", "《社会救助暂行办法》第十四条"),
    ("JC-001", "对生产经营单位安全生产状况的监督检查", "inspection", "应急管理办公室", "《中华人民共和国安全生产法》第九条"),
    ("JC-002", "对农村自建房安全的检查", "inspection", "规划建设管理环保办", "《重庆市农村自建房安全管理办法》"),
    ("QR-001", "独生子女父母光荣证的确认", "confirmation", "社会事务办公室", "《重庆市人口与计划生育条例》"),
    ("QR-002", "农村五保供养对象资格确认", "confirmation", "社会事务办公室", "《农村五保供养工作条例》第七条"),
    ("JL-001", "对见义勇为人员的表彰奖励", "reward", "平安建设办公室", "《重庆市见义勇为人员奖励和保护条例》"),
    ("CJ-001", "个人之间、个人与单位之间林木林地权属争议的调处", "adjudication", "司法所", "《中华人民共和国森林法》第二十二条"),
    ("CJ-002", "土地权属争议的调处", "adjudication", "规划建设管理环保办", "《中华人民共和国土地管理法》第十四条"),
    ("QT-001", "村民委员会选举的指导", "other", "党政办公室", "《中华人民共和国村民委员会组织法》第四条"),
    ("QT-002", "突发事件应急处置", "other", "应急管理办公室", "《中华人民共和国突发事件应对法》第七条"),
]

SERVICES = [
    ("GG-001", "法律援助申请受理与转交", "司法所", "为经济困难群众提供法律援助申请的受理、初审和转交。"),
    ("GG-002", "人民调解", "司法所", "免费调解民间纠纷。"),
    ("GG-003", "城乡居民养老保险参保登记", "社会保障服务所", "为城乡居民办理养老保险参保登记、缴费档次变更。"),
    ("GG-004", "残疾人证办理初审", "社会事务办公室", "受理残疾人证申请并初审转报。"),
    ("GG-005", "公共法律服务咨询", "司法所", "提供法律咨询、法治宣传资料。"),
]


def load(world):
    town = world.fengsheng
    if PowerItem.objects.filter(town=town).exists():
        return
    clerk = world.users["fengsheng_clerk"]
    items = {}
    for code, name, category, unit, basis in POWERS:
        items[code] = services.power_item_create(
            actor=clerk, town=town, code=code, name=name, category=category, unit=unit, legal_basis=basis,
            responsibilities=RESP, accountability=ACCOUNT, effective_on=LISTED, reason="编制镇权力清单和责任清单")
    svc = {}
    for code, name, unit, desc in SERVICES:
        svc[code] = services.service_item_create(actor=clerk, town=town, code=code, name=name, unit=unit,
                                                 description=desc, effective_on=LISTED, reason="编制公共服务清单")
    # 2023: the list is cleaned up (seed 一(二): 清理我镇行政权力服务清单).
    services.power_item_change(actor=clerk, item=items["XK-002"], effective_on=D(2023, 4, 3),
                               reason="根据区级权责清单调整,实施主体变更", unit="规划建设管理环保办(便民服务中心受理)")
    services.power_item_create(actor=clerk, town=town, code="CF-004", name="对违反规定饲养犬只的处罚",
                               category="penalty", unit="综合行政执法办公室", legal_basis="《重庆市养犬管理条例》",
                               responsibilities=RESP, accountability=ACCOUNT, effective_on=D(2023, 9, 1),
                               reason="综合行政执法改革,区级下放事项")
    common = {"place": "丰盛镇便民服务中心(丰盛镇丰盛街)", "hours": "工作日 9:00—12:00,14:00—17:30",
              "contact": "023-6640XXXX", "fees": "不收费"}
    g1 = services.guide_create(
        actor=clerk, town=town, code="ZN-001", title="农村村民宅基地审批", power_item=items["XK-002"],
        materials="1.农村宅基地和建房(规划许可)申请表\n2.申请人身份证明、户口簿\n3.宅基地使用承诺书",
        steps="申请—村级审查—镇级受理—联审—审批—发证", legal_limit="20个工作日", promised_limit="15个工作日",
        legal_basis="《中华人民共和国土地管理法》第六十二条", effective_on=D(2023, 1, 5), **common)
    g2 = services.guide_create(
        actor=clerk, town=town, code="ZN-002", title="临时救助申请", power_item=items["GF-002"],
        materials="1.临时救助申请书\n2.身份证明\n3.家庭经济状况说明(可书面承诺代替)",
        steps="申请—受理—审核(入户调查)—审批—发放", legal_limit="—", promised_limit="10个工作日",
        legal_basis="《社会救助暂行办法》第四十八条", effective_on=D(2023, 1, 5), **common)
    services.guide_create(
        actor=clerk, town=town, code="ZN-003", title="城乡居民养老保险参保登记", service_item=svc["GG-003"],
        materials="1.身份证\n2.户口簿", steps="申请—受理—登记", promised_limit="即时办结",
        effective_on=D(2023, 1, 5), **common)
    services.guide_create(
        actor=clerk, town=town, code="ZN-004", title="法律援助申请", service_item=svc["GG-001"],
        materials="1.法律援助申请表\n2.身份证明\n3.经济困难状况说明(可书面承诺代替)\n4.与案件有关的材料",
        steps="申请—初审—转交区法律援助中心", promised_limit="即时受理,3个工作日内转交", effective_on=D(2023, 1, 5),
        **common)
    cert1 = services.certificate_create(actor=clerk, guide=g1, name="无其他宅基地证明", effective_on=D(2023, 1, 5),
                                        verification="查询不动产登记信息并由村委会核实", verify_within_days=30)
    cert2 = services.certificate_create(actor=clerk, guide=g2, name="家庭经济状况证明", effective_on=D(2023, 1, 5),
                                        verification="入户调查并比对民政经济核对信息", verify_within_days=20)
    services.guide_change(actor=clerk, guide=g2, effective_on=D(2023, 6, 12), reason="优化流程,缩短承诺时限",
                          promised_limit="7个工作日")
    people = ["张德福", "李秀英", "王建华", "刘桂兰", "陈志强", "杨淑珍", "赵国庆", "黄玉梅"]
    for n, name in enumerate(people):
        cert = cert1 if n % 3 == 0 else cert2
        committed = D(2023, 2 + n, 6)
        c = services.commitment_record(actor=clerk, certificate=cert, applicant_name=name, committed_on=committed)
        services.commitment_verify(actor=clerk, commitment=c, result="true",
                                   date=committed + datetime.timedelta(days=12), note="经核查,承诺内容属实。")
