"""TotalCare's Resources: contacts, forms, member materials, pharmacy resources and FAQ (seed 002).

The seed's Resources page lists "self-service information and contacts, forms, member
materials, pharmacy resources and frequently asked questions"; the Portuguese is the seed's own
wording where it has some, and its English the plain translation. TotalCare's website is the
profile's (www.totalcare.example, a reserved name: the seed gives no addresses).
"""

from demo.resource_entries import Entry, Text

WEBSITE = "https://www.totalcare.example"

ENTRIES = [
    Entry(
        "member-services",
        "self_service",
        {
            "en": Text(
                "TotalCare Member Services",
                "If you have other questions about the Member Portal, call TotalCare Member Services at "
                "833-530-9015 (TTY: Dial 711), Monday to Friday, 8 a.m. to 8 p.m.",
            ),
            "pt-br": Text(
                "Atendimento ao Associado da TotalCare",
                "Se você tiver outras dúvidas sobre o Portal do Associado, entre em contato com o "
                "Atendimento "
                "ao Associado da TotalCare pelo telefone 833-530-9015 (TTY: disque 711), de segunda a "
                "sexta-feira, das 8h às 20h.",
            ),
        },
    ),
    Entry(
        "language-assistance",
        "self_service",
        {
            "en": Text(
                "Language assistance",
                "We have a special phone line to get an interpreter who speaks your language: 833-530-9015 "
                "(TTY: Dial 711).",
            ),
            "pt-br": Text(
                "Assistência linguística",
                "Para assistência linguística, temos uma linha telefônica especial para conseguir um "
                "intérprete que fale a sua língua: 833-530-9015 (TTY: disque 711).",
            ),
        },
    ),
    Entry(
        "hearing-speech",
        "self_service",
        {
            "en": Text("Hearing or Speech Assistance Line", "Call 800-735-2929 (TTY: Dial 711)."),
            "pt-br": Text(
                "Linha de Assistência Auditiva ou Fala", "Ligue para 800-735-2929 (TTY: disque 711)."
            ),
        },
    ),
    Entry(
        "nurse-advice",
        "self_service",
        {
            "en": Text("Nurse advice line", "800-735-2929 (TTY: Dial 711)."),
            "pt-br": Text("Linha de aconselhamento de enfermagem", "800-735-2929 (TTY: disque 711)."),
        },
    ),
    Entry(
        "portal-help",
        "self_service",
        {
            "en": Text(
                "Using the TotalCare My Health Member Portal",
                "Get step-by-step instructions for common tasks in the TotalCare My Health Member Portal.",
                WEBSITE,
                "Step-by-step instructions",
            ),
            "pt-br": Text(
                "Utilizando o Portal de Membros TotalCare My Health",
                "Obtenha instruções passo a passo para realizar tarefas comuns no Portal de Membros "
                "TotalCare "
                "My Health.",
                WEBSITE,
                "Instruções passo a passo",
            ),
        },
    ),
    Entry(
        "grievance-appeal-form",
        "forms",
        {
            "en": Text(
                "Grievance and Appeal Form",
                "You can file an appeal against a denied authorization within 65 days of the date of the "
                "denial. You have the right to file a grievance at any time.",
            ),
            "pt-br": Text(
                "Formulário de Reclamação e Recurso",
                "É possível apresentar um recurso contra uma autorização negada no prazo de 65 dias a partir "
                "da data da recusa. Você tem o direito de apresentar uma reclamação a qualquer momento.",
            ),
        },
        pdf=True,
    ),
    Entry(
        "release-of-information-form",
        "forms",
        {
            "en": Text(
                "Authorization to Release Health Information",
                "Use this form to let TotalCare share your health information with someone you choose.",
            ),
            "pt-br": Text(
                "Autorização para Divulgação de Informações de Saúde",
                "Use este formulário para permitir que a TotalCare compartilhe suas informações de saúde com "
                "alguém de sua escolha.",
            ),
        },
        pdf=True,
    ),
    Entry(
        "member-handbook",
        "member_materials",
        {
            "en": Text(
                "Member Handbook",
                "What your plan covers, how to get care, and your rights and responsibilities as a member.",
                WEBSITE,
            ),
            "pt-br": Text(
                "Manual do Associado",
                "O que o seu plano cobre, como obter atendimento e os seus direitos e responsabilidades como "
                "associado.",
                WEBSITE,
            ),
        },
    ),
    Entry(
        "provider-directory",
        "member_materials",
        {
            "en": Text(
                "Provider Directory", "Doctors, clinics and hospitals in the TotalCare network.", WEBSITE
            ),
            "pt-br": Text(
                "Diretório de Prestadores", "Médicos, clínicas e hospitais da rede TotalCare.", WEBSITE
            ),
        },
    ),
    Entry(
        "formulary",
        "pharmacy",
        {
            "en": Text(
                "Formulary (list of covered drugs)",
                "The medicines TotalCare covers, and which of them need prior authorization.",
                WEBSITE,
            ),
            "pt-br": Text(
                "Formulário terapêutico (lista de medicamentos cobertos)",
                "Os medicamentos que a TotalCare cobre e quais deles precisam de autorização prévia.",
                WEBSITE,
            ),
        },
    ),
    Entry(
        "find-a-pharmacy",
        "pharmacy",
        {
            "en": Text("Find a pharmacy", "Pharmacies in the TotalCare network near you.", WEBSITE),
            "pt-br": Text("Encontre uma farmácia", "Farmácias da rede TotalCare perto de você.", WEBSITE),
        },
    ),
    Entry(
        "who-can-create-an-account",
        "faq",
        {
            "en": Text(
                "Who can create an online account?",
                "Members can create an online account starting at age 18, on a computer or a mobile phone. "
                "Use your member ID card to fill in your first name, last name, date of birth and member ID "
                "number.",
            ),
            "pt-br": Text(
                "Quem pode criar uma conta online?",
                "Membros podem criar contas online a partir dos 18 anos. Você pode fazer isso em um "
                "computador "
                "ou celular. Utilize seu cartão de identificação de membro para ajudá-lo a preencher seu "
                "primeiro nome, sobrenome, data de nascimento e número de identificação do membro.",
            ),
        },
    ),
    Entry(
        "new-pcp-takes-effect",
        "faq",
        {
            "en": Text(
                "When does a new primary care doctor (PCP) take effect?",
                "These changes take effect on the first day of the following month. For example, if you "
                "chose "
                "a new doctor on September 15, you can start seeing them on October 1.",
            ),
            "pt-br": Text(
                "Quando a troca de médico primário (PCP) entra em vigor?",
                "Essas mudanças entram em vigor a partir do primeiro dia do mês seguinte. Por exemplo, se "
                "você "
                "escolheu um novo médico em 15 de setembro, você pode começar a vê-lo em 1º de outubro.",
            ),
        },
    ),
    Entry(
        "appeal-deadline",
        "faq",
        {
            "en": Text(
                "How long do I have to file an appeal?",
                "You can file an appeal against a denied authorization within 65 days of the date of the "
                "denial. You have the right to file a grievance at any time.",
            ),
            "pt-br": Text(
                "Qual é o prazo para apresentar um recurso?",
                "É possível apresentar um recurso contra uma autorização negada no prazo de 65 dias a partir "
                "da data da recusa. Você tem o direito de apresentar uma reclamação a qualquer momento.",
            ),
        },
    ),
    Entry(
        "emails-not-encrypted",
        "faq",
        {
            "en": Text(
                "Are the emails from Member Services encrypted?",
                "No. Once an email arrives in your inbox, it is not encrypted and could be intercepted or "
                "misdirected. Do not reply to it with confidential information. If you do not receive the "
                "email, call Member Services for help.",
            ),
            "pt-br": Text(
                "Os e-mails do Atendimento ao Associado são criptografados?",
                "Não. Assim que o e-mail chegar à sua caixa de entrada, ele não estará criptografado e "
                "poderá "
                "ser interceptado ou direcionado incorretamente. Não responda a este e-mail com informações "
                "confidenciais. Caso não receba o e-mail, entre em contato com o Atendimento ao Associado "
                "por "
                "telefone.",
            ),
        },
    ),
    Entry(
        "links-to-the-website",
        "faq",
        {
            "en": Text(
                "Do I stay signed in when I open a link to the TotalCare website?",
                "Yes. Links to TotalCare's external website open in a second window (browser tab). You stay "
                "signed in to the Member Portal and can switch between the portal and the website.",
            ),
            "pt-br": Text(
                "Continuo conectado quando abro um link para o site da TotalCare?",
                "Sim. Os links que levam ao site externo da TotalCare serão abertos em uma segunda janela "
                "(aba "
                "do navegador). Você permanecerá conectado ao Portal do Membro e poderá alternar entre o "
                "portal e o site.",
            ),
        },
    ),
]
