"""The written mediation agreement (人民调解协议书) as a DOCX, with the contents of
《人民调解法》第二十九条 and the 司法确认 notice of 第三十三条."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.core import clocks

from .models import Level
from .services import CONFIRMATION


def committee_name(dispute) -> str:
    if dispute.concluded_level == Level.VILLAGE and dispute.village_id:
        return f"{dispute.town.name}{dispute.village.name}人民调解委员会"
    return f"{dispute.town.name}人民调解委员会"


def agreement_docx(dispute) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("人民调解协议书")
    run.bold = True
    run.font.size = Pt(18)
    doc.add_paragraph(f"编号:{dispute.code}").alignment = WD_ALIGN_PARAGRAPH.RIGHT

    # 第二十九条(一): 当事人的基本情况.
    doc.add_heading("一、当事人基本情况", level=2)
    for party in dispute.parties.all():
        parts = [f"{party.get_role_display()}:{party.name}"]
        if party.id_number:
            parts.append(f"公民身份号码:{party.id_number}")
        if party.phone:
            parts.append(f"联系电话:{party.phone}")
        doc.add_paragraph(",".join(parts))

    # 第二十九条(二): 纠纷的主要事实、争议事项以及各方当事人的责任.
    doc.add_heading("二、纠纷的主要事实、争议事项以及各方当事人的责任", level=2)
    doc.add_paragraph(dispute.facts)

    # 第二十九条(三): 达成协议的内容,履行的方式、期限.
    doc.add_heading("三、经调解,各方当事人自愿达成如下协议", level=2)
    doc.add_paragraph(dispute.agreement_terms)
    doc.add_heading("四、履行方式和期限", level=2)
    doc.add_paragraph(dispute.performance)

    doc.add_heading("五、其他事项", level=2)
    window = clocks.get(dispute, CONFIRMATION)
    due = f"(即{window.due_date:%Y年%m月%d日}前)" if window else ""
    for text in (
        "本协议自各方当事人签名、盖章或者按指印,人民调解员签名并加盖人民调解委员会印章之日起生效"
        "(《中华人民共和国人民调解法》第二十九条)。",
        "本协议具有法律约束力,当事人应当按照约定履行;人民调解委员会对履行情况进行监督,督促当事人履行"
        "(第三十一条)。",
        f"各方当事人认为有必要的,可以自本协议生效之日起三十日内{due}共同向人民法院申请司法确认"
        "(第三十三条)。",
        "人民调解委员会调解民间纠纷,不收取任何费用(第四条)。",
        "本协议一式三份,当事人各执一份,人民调解委员会留存一份。",
    ):
        doc.add_paragraph(text)

    doc.add_paragraph("")
    for party in dispute.parties.all():
        doc.add_paragraph(f"{party.get_role_display()}(签名、盖章或按指印):________    日期:________")
    doc.add_paragraph(f"人民调解员(签名):{dispute.mediator.display_name if dispute.mediator else ''}________")
    doc.add_paragraph(f"{committee_name(dispute)}(印章)")
    doc.add_paragraph(f"{dispute.concluded_date:%Y年%m月%d日}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
