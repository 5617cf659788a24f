"""MassHealth MyServices' Resources: its customer service, its web pages and its FAQ (seed 004).

The Spanish is the seed's own text; the English is its plain translation, with the labels
MyServices shows in English ("Create an Account", "My Documents") as the seed quotes them.
"""

from demo.resource_entries import Entry, Text

REPORT_CHANGES = "https://www.mass.gov/how-to/report-changes-to-masshealth"
REPORT_CHANGES_EN = "Report changes to MassHealth"
REPORT_CHANGES_ES = "Cómo notificar cambios a MassHealth"

ENTRIES = [
    Entry(
        "customer-service",
        "self_service",
        {
            "en": Text(
                "MassHealth Customer Service Center",
                "If you need help understanding your benefits, you can call MassHealth Customer Service.\n"
                "(800) 841-2900, TDD/TTY: 711\n"
                "Monday to Friday, 8:00 a.m. to 5:00 p.m.\n"
                "Self-service is available 24 hours a day, 7 days a week.",
            ),
            "es": Text(
                "Centro de servicio al cliente de MassHealth",
                "Si necesita asistencia para comprender sus beneficios, puede llamar al Servicio al cliente "
                "de MassHealth.\n"
                "(800) 841-2900, TDD/TTY: 711\n"
                "De lunes a viernes, de 8:00 a. m. a 5:00 p. m.\n"
                "Los servicios de autogestión están disponibles las 24 horas del día, los 7 días de la "
                "semana.",
            ),
        },
    ),
    Entry(
        "learn-about-myservices",
        "self_service",
        {
            "en": Text(
                "Learn about MyServices",
                "MyServices is a website for all applicants and members. With it, you can:\n"
                "· review your contact information\n"
                "· review your eligibility status for MassHealth and the Health Connector\n"
                "· review your MassHealth enrollment information\n"
                "· check the status of the Requests for Information (RFI) you sent to MassHealth\n"
                "· get alerts about important events and actions you need to take\n"
                "· review the eligibility notices MassHealth sent you",
                "https://www.mass.gov/info-details/learn-about-myservices",
            ),
            "es": Text(
                "Infórmese sobre MyServices",
                "MyServices es un portal de internet diseñado para todos los solicitantes y los afiliados. "
                "Con este portal, usted puede:\n"
                "· revisar su información de contacto\n"
                "· revisar su estado de elegibilidad para recibir MassHealth y Health Connector\n"
                "· revisar la información de inscripción de MassHealth\n"
                "· verificar el estado de las Solicitudes de información (RFI) que usted haya enviado a "
                "MassHealth\n"
                "· recibir alertas de acontecimientos importantes y de medidas que usted debe tomar\n"
                "· revisar los avisos de elegibilidad enviados por MassHealth",
                "https://www.mass.gov/info-details/learn-about-myservices",
            ),
        },
    ),
    Entry(
        "report-changes",
        "self_service",
        {
            "en": Text(
                REPORT_CHANGES_EN,
                "You cannot make changes directly in MyServices. Learn how to report changes to MassHealth.",
                REPORT_CHANGES,
            ),
            "es": Text(
                REPORT_CHANGES_ES,
                "Usted no podrá hacer cambios directamente en MyServices. Infórmese sobre cómo notificar los "
                "cambios a MassHealth.",
                REPORT_CHANGES,
            ),
        },
    ),
    Entry(
        "who-can-use-myservices",
        "faq",
        {
            "en": Text(
                "Who can use MyServices?",
                "Anyone who has a MAhealthconnector or DTAConnect account can use MyServices to review their "
                "current MassHealth information or some Health Connector information. This may include "
                "MassHealth and Health Connector eligibility documents and information, as well as "
                "MassHealth "
                "eligibility status and notices. That person could be:\n"
                "the account holder: the person who created an online account and who may have applied for "
                "benefits for themselves or for someone else.\n"
                "the head of household: the person who signs the application for benefits. Often the account "
                "holder and the head of household are the same person.\n"
                "a household member: a person listed on the application who is not the account holder or the "
                "head of household.",
            ),
            "es": Text(
                "¿Quién puede usar MyServices?",
                "Todas las personas que tengan una cuenta de MAhealthconnector o de DTAConnect pueden usar "
                "MyServices para revisar su información actual de MassHealth o cierta información de Health "
                "Connector. Los datos podrían incluir documentos e información sobre elegibilidad de "
                "MassHealth "
                "y de Health Connector, como también el estado de elegibilidad y los avisos de MassHealth. "
                "Dicha persona podría ser:\n"
                "el titular de la cuenta: es la persona que ha creado una cuenta en línea y que pudo haber "
                "solicitado los beneficios para sí mismo o para otra persona.\n"
                "el jefe del hogar: es la persona que firma la solicitud para recibir beneficios. Con "
                "frecuencia, el titular de la cuenta y el jefe del hogar son la misma persona.\n"
                "el integrante del hogar: es la persona que figura en la solicitud pero que no es el titular "
                "de la cuenta ni el jefe del hogar.",
            ),
        },
    ),
    Entry(
        "over-65",
        "faq",
        {
            "en": Text(
                "I am over 65. Can I use MyServices?",
                "Yes. You can open a MyServices account by clicking “Create an Account” on the home screen. "
                "Once you enter your information, you will be taken to the MyServices dashboard.",
            ),
            "es": Text(
                "Tengo más de 65 años. ¿Puedo usar MyServices?",
                "Sí. Puede abrir una cuenta de MyServices haciendo clic en “Create an Account” (Crear "
                "cuenta) "
                "en la pantalla de inicio. Una vez que ingrese su información, será dirigido al tablero de "
                "MyServices.",
            ),
        },
    ),
    Entry(
        "assisters-and-representatives",
        "faq",
        {
            "en": Text(
                "I am a Certified Assister, Navigator or Authorized Representative, or I was named on "
                "someone "
                "else's Permission to Share Information (PSI) form. Can I use MyServices?",
                "At this time, Certified Assisters, Navigators, Authorized Representatives and people named "
                "on "
                "a Permission to Share Information (PSI) form do not have access to MyServices unless the "
                "member or the applicant is present.",
            ),
            "es": Text(
                "Soy el Asistente certificado, Navegador o Representante autorizado, o fui nombrado en el "
                "Formulario de autorización para divulgar información (PSI) de otra persona. ¿Puedo usar "
                "MyServices?",
                "En la actualidad, los Asistentes certificados, Navegadores, Representantes autorizados y "
                "las "
                "personas nombradas en el Formulario de autorización para divulgar información (PSI) no "
                "tienen "
                "acceso a MyServices si el afiliado o el solicitante no están presentes.",
            ),
        },
    ),
    Entry(
        "health-connector",
        "faq",
        {
            "en": Text(
                "I get my health insurance through the Health Connector. Can I review my information in "
                "MyServices?",
                "You will not be able to review all of your Health Connector information in MyServices. When "
                "you sign in to MyServices with your MA Login account, you can review your Health Connector "
                "plan type. To review other Health Connector information, visit mahealthconnector.org.",
                "https://www.mahealthconnector.org",
                "MAhealthconnector.org",
            ),
            "es": Text(
                "Tengo mi seguro de salud mediante Health Connector. ¿Puedo revisar mi información en "
                "MyServices?",
                "Usted no podrá revisar toda su información de Health Connector en MyServices. Cuando inicie "
                "la sesión en MyServices usando su cuenta de MA Login, usted podrá revisar su tipo de plan "
                "de "
                "Health Connector. Para poder revisar otro tipo de información de Health Connector, visite "
                "mahealthconnector.org.",
                "https://www.mahealthconnector.org",
                "MAhealthconnector.org",
            ),
        },
    ),
    Entry(
        "why-ma-login",
        "faq",
        {
            "en": Text(
                "I have an MA Login account. Why should I use MyServices?",
                "The MyServices portal is designed so applicants and members can easily review all of their "
                "MassHealth information and certain Health Connector information in one place, instead of "
                "going to two websites.\n\n"
                "When you sign in to MyServices with your MA Login account, MyServices connects you to your "
                "MAhealthconnector account. You can report changes and update your MAhealthconnector account "
                "without signing in again.",
            ),
            "es": Text(
                "Tengo una cuenta de MA Login. ¿Por qué debo tener acceso a MyServices?",
                "El portal de MyServices está diseñado para que los solicitantes y los afiliados puedan "
                "revisar fácilmente toda su información de MassHealth y determinados datos de Health "
                "Connector, en un solo lugar en vez de tener que ingresar a dos sitios web.\n\n"
                "Cuando inicie la sesión en MyServices con la información de su cuenta de MA Login, "
                "MyServices "
                "le conectará a su cuenta de MAhealthconnector. Usted podrá notificar cambios y actualizar "
                "su "
                "cuenta de MAhealthconnector sin volver a iniciar otra sesión.",
            ),
        },
    ),
    Entry(
        "link-accounts-later",
        "faq",
        {
            "en": Text(
                "I do not have an MA Login account or login.mass.gov sign-in details. Will I be able to "
                "review "
                "my information from these accounts after I enroll in benefits?",
                "You can create a new profile even if you already have a MAhealthconnector or DTAConnect "
                "account. If you sign up for MassHealth or DTA services later, you can connect those "
                "accounts "
                "to MyServices by entering your full Social Security number or your MassHealth ID in "
                "MyServices.",
            ),
            "es": Text(
                "No tengo una cuenta de MA Login ni datos de inicio de login.mass.gov. ¿Podré revisar mi "
                "información desde estas cuentas después de inscribirme para recibir beneficios?",
                "Puede crear un nuevo perfil, aunque ya tenga una cuenta de MAhealthconnector o de "
                "DTAConnect. "
                "Si más adelante se registra para recibir servicios de MassHealth o del DTA, usted puede "
                "conectar esas cuentas a MyServices ingresando su número de seguro social completo o su ID "
                "de "
                "MassHealth en MyServices.",
            ),
        },
    ),
    Entry(
        "what-can-i-review",
        "faq",
        {
            "en": Text(
                "What information can I review in MyServices?",
                "If you are the head of household, you can review the eligibility information and MassHealth "
                "enrollment details of everyone in your household. The “My Documents” tab shows information "
                "about the documents you submitted, and the “My Notices” tab shows the notices sent to "
                "you.\n\n"
                "If you are not the head of household, you can review your own information as it was given "
                "on "
                "your application. You cannot review the information of other people in your household.",
            ),
            "es": Text(
                "¿Qué datos puedo revisar en MyServices?",
                "Si es el jefe del hogar, puede revisar la información de elegibilidad y los datos de "
                "inscripción de MassHealth de todos los integrantes de su hogar. La pestaña “My Documents” "
                "(Mis documentos) muestra la información de los documentos que presentó y la pestaña “My "
                "Notices” (Mis avisos) muestra los avisos que le hayan enviado.\n\n"
                "Si usted no es el jefe del hogar, puede revisar su propia información tal como fue provista "
                "en su solicitud. Usted no puede revisar la información de las demás personas en su hogar.",
            ),
        },
    ),
    Entry(
        "update-my-information",
        "faq",
        {
            "en": Text(
                "Can I update my information in MyServices?",
                "You cannot make changes directly in MyServices. To learn how to report changes, visit our "
                f"“Report changes to MassHealth” web page at {REPORT_CHANGES}.\n\n"
                "If you have a MAhealthconnector account, you can go to the “My Info” or “My Benefits” tab "
                "in "
                "MyServices and select “To update your application information, click here”. You will be "
                "taken to your MAhealthconnector dashboard, where you can update the information on your "
                "application.",
                REPORT_CHANGES,
                REPORT_CHANGES_EN,
            ),
            "es": Text(
                "¿Puedo actualizar mi información desde MyServices?",
                "Usted no podrá hacer cambios directamente en MyServices. Para informarse sobre cómo "
                "notificar "
                "los cambios, visite nuestra página web “Report changes to MassHealth” (Cómo notificar "
                "cambios "
                f"a MassHealth) en {REPORT_CHANGES}.\n\n"
                "Si usted tiene una cuenta de MAhealthconnector, puede visitar las pestañas de “My Info” (Mi "
                "información) o de “My Benefits” (Mis beneficios) en MyServices y seleccione “To update your "
                "application information, click here” (Para actualizar la información de su solicitud, haga "
                "clic aquí). Será dirigido a su tablero de MAhealthconnector, donde podrá actualizar la "
                "información en su solicitud.",
                REPORT_CHANGES,
                REPORT_CHANGES_ES,
            ),
        },
    ),
    Entry(
        "add-or-remove-a-person",
        "faq",
        {
            "en": Text(
                "How can I add or remove a person on my MyServices account?",
                "MyServices uses the information you gave on your application. You can tell us if you need "
                "to "
                "add or remove a person on your account. To learn how, visit our “Report changes to "
                f"MassHealth” web page at {REPORT_CHANGES}.",
                REPORT_CHANGES,
                REPORT_CHANGES_EN,
            ),
            "es": Text(
                "¿Cómo puedo agregar o borrar una persona de mi cuenta de MyServices?",
                "MyServices usa la información que usted brindó en su solicitud. Puede notificarnos si "
                "necesita agregar o borrar una persona de su cuenta. Para informarse sobre cómo hacerlo, "
                "visite nuestra página web “Report changes to MassHealth” (Cómo notificar cambios a "
                f"MassHealth) en {REPORT_CHANGES}.",
                REPORT_CHANGES,
                REPORT_CHANGES_ES,
            ),
        },
    ),
    Entry(
        "supported-browsers",
        "faq",
        {
            "en": Text(
                "What is the best way to access the website?",
                "The following browsers are supported by MyServices.\n"
                "Supported browsers: Microsoft Edge, Google Chrome, Firefox, Safari\n\n"
                "You can also download the MyServices mobile app for Android or iOS:\n"
                "Operating systems:\n"
                "Android: version 6.0 or later\n"
                "iOS: version 11.0 or later\n\n"
                "If you have technical problems with MyServices in your web browser, clear your browser's "
                "memory, called the cache. To learn how to clear your cache, visit "
                "https://www.mass.gov/guides/clear-your-browser-cache.",
                "https://www.mass.gov/guides/clear-your-browser-cache",
                "Clear your browser cache",
            ),
            "es": Text(
                "¿Cuál es la mejor manera de acceder al sitio web?",
                "Los siguientes navegadores son compatibles con MyServices.\n"
                "Navegadores compatibles: Microsoft Edge, Google Chrome, Firefox, Safari\n\n"
                "También puede descargar la aplicación móvil de MyServices para Android o iOS:\n"
                "Sistemas operativos:\n"
                "Android: requisito mínimo de versión 6.0\n"
                "iOS: requisito mínimo de versión 11.0\n\n"
                "Si tiene problemas técnicos con MyServices en su navegador web, limpie la memoria de su "
                "navegador, es decir, la memoria caché. Para informarse sobre cómo limpiar su memoria caché, "
                "visite https://www.mass.gov/guides/clear-your-browser-cache.",
                "https://www.mass.gov/guides/clear-your-browser-cache",
                "Cómo limpiar la memoria caché de su navegador",
            ),
        },
    ),
    Entry(
        "languages",
        "faq",
        {
            "en": Text(
                "Which languages is the MyServices portal available in?",
                "MyServices is available in the following six languages: English, Spanish, Brazilian "
                "Portuguese, Traditional Chinese, Vietnamese and Haitian Creole.",
            ),
            "es": Text(
                "¿En qué idiomas está disponible el Portal de MyServices?",
                "MyServices está disponible en los seis idiomas siguientes: Inglés, español, portugués de "
                "Brasil, chino tradicional, vietnamita y criollo de Haití.",
            ),
        },
    ),
]
