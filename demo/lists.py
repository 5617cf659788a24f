"""The made-up region seed_demo draws from: the plan's five counties with real city/ZIP pairs,
street and clinic names, specialties, and names common in those counties (with accents and
hyphens), grouped by culture so households share a surname and a likely language. Members and
providers alike get their street addresses and fictional phone numbers here."""

import random
from dataclasses import dataclass

# --- What the plan's region looks like -----------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


@dataclass(frozen=True)
class County:
    weight: int  # roughly the county's share of the plan's members
    area_code: str
    cities: tuple[tuple[str, str], ...]  # (city, ZIP code)


COUNTIES: dict[str, County] = {
    "Monterey": County(40, "831", (
        ("Salinas", "93901"), ("Salinas", "93905"), ("Salinas", "93906"), ("Salinas", "93907"),
        ("Monterey", "93940"), ("Seaside", "93955"), ("Marina", "93933"), ("King City", "93930"),
        ("Greenfield", "93927"), ("Soledad", "93960"), ("Gonzales", "93926"), ("Castroville", "95012"),
        ("Pacific Grove", "93950"), ("Carmel-by-the-Sea", "93921"),
    )),
    "Merced": County(27, "209", (
        ("Merced", "95340"), ("Merced", "95341"), ("Merced", "95348"), ("Los Banos", "93635"),
        ("Atwater", "95301"), ("Livingston", "95334"), ("Dos Palos", "93620"), ("Delhi", "95315"),
        ("Winton", "95388"), ("Gustine", "95322"), ("Le Grand", "95333"),
    )),
    "Santa Cruz": County(24, "831", (
        ("Santa Cruz", "95060"), ("Santa Cruz", "95062"), ("Santa Cruz", "95065"),
        ("Watsonville", "95076"), ("Capitola", "95010"), ("Scotts Valley", "95066"), ("Aptos", "95003"),
        ("Felton", "95018"), ("Boulder Creek", "95006"), ("Freedom", "95019"),
    )),
    "San Benito": County(7, "831", (
        ("Hollister", "95023"), ("San Juan Bautista", "95045"), ("Tres Pinos", "95075"),
    )),
    "Mariposa": County(2, "209", (
        ("Mariposa", "95338"), ("Coulterville", "95311"), ("El Portal", "95318"), ("Midpines", "95345"),
        ("Catheys Valley", "95306"), ("Fish Camp", "93623"),
    )),
}  # fmt: skip

STREETS = _names(
    "Main St, E Alisal St, N Main St, Abbott St, Natividad Rd, Boronda Rd, Williams Rd, Sanborn Rd, "
    "Freedom Blvd, Main St, Pajaro St, Green Valley Rd, Lincoln St, Soquel Ave, Mission St, Ocean St, "
    "Bay Ave, Capitola Rd, Seventeenth Ave, Fremont St, Del Monte Ave, Broadway Ave, Front St, "
    "San Benito St, Fourth St, Sunnyslope Rd, G St, M St, Olive Ave, Bear Creek Dr, Childs Ave, "
    "Pacheco Blvd, I St, Bellevue Rd, Winton Way, Hwy 140, Jones St, Calle del Sol, Camino Real, "
    "Avenida de las Flores, Paseo de la Paz, Via Verde, Cherry Ln, Oak St, Walnut Ave, Elm St"
)


def street_address(rng: random.Random) -> str:
    return f"{rng.randrange(100, 9_900)} {rng.choice(STREETS)}"


def phone_number(rng: random.Random, area_code: str) -> str:
    # 555-0100 to 555-0199 are reserved for fiction in the North American numbering plan.
    return f"+1{area_code}55501{rng.randrange(100):02d}"


# Clinic names are made up from the place and the doctor's name.
CLINIC_PATTERNS = (
    "{city} Family Health Center", "{city} Community Clinic", "{last} Family Medicine",
    "{last} Medical Group", "Clínica de Salud {city}", "{county} Primary Care Associates",
    "{city} Pediatrics and Family Care", "Valley Health Partners", "Coastal Medical Associates",
)  # fmt: skip

# (specialty, primary care, weight among the plan's providers)
SPECIALTIES: tuple[tuple[str, bool, int], ...] = (
    ("Family Medicine", True, 24), ("Internal Medicine", True, 14), ("Pediatrics", True, 12),
    ("OB/GYN", True, 6), ("General Practice", True, 4), ("Cardiology", False, 4),
    ("Dermatology", False, 3), ("Endocrinology", False, 2), ("Gastroenterology", False, 3),
    ("Neurology", False, 3), ("Ophthalmology", False, 3), ("Orthopedic Surgery", False, 4),
    ("Psychiatry", False, 5), ("Pulmonology", False, 2), ("Nephrology", False, 2),
    ("Oncology", False, 2), ("Otolaryngology", False, 2), ("Urology", False, 2),
    ("Rheumatology", False, 1), ("Podiatry", False, 2),
)  # fmt: skip


@dataclass(frozen=True)
class Culture:
    """Names that go together in one family, and the languages its members tend to prefer."""

    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    languages: tuple[tuple[str, float], ...] = ()  # (code, share preferring it); the rest: English
    compound_share: float = 0.0  # Spanish-style double surnames ("Hernández López", "Núñez-Ortiz")

    def language(self, rng: random.Random) -> str:
        roll = rng.random()
        for code, share in self.languages:
            if roll < share:
                return code
            roll -= share
        return "en"

    def last_name(self, rng: random.Random) -> str:
        first = rng.choice(self.last)
        if self.compound_share and rng.random() < self.compound_share:
            second = rng.choice(self.last)
            if second != first:
                return f"{first}{'-' if rng.random() < 0.5 else ' '}{second}"
        return first


_HISPANIC = Culture(
    56,
    _names(
        "María, Guadalupe, Ana, Rosa, Lucía, Sofía, Valeria, Ximena, Daniela, Fernanda, Isabel, Yesenia, "
        "Araceli, Leticia, Verónica, Mónica, Elena, Carmen, Juana, Alejandra, Natalia, Camila, Itzel, "
        "Jazmín, María José, Ana Lucía, Beatriz, Patricia, Adriana, Yolanda, Marisol, Noemí, Dulce"
    ),
    _names(
        "José, Juan, Luis, Carlos, Jesús, Miguel, Francisco, Alejandro, Jorge, Antonio, Manuel, Ricardo, "
        "Fernando, Eduardo, Rafael, Andrés, Iván, Héctor, Raúl, Óscar, Martín, Sebastián, Mateo, "
        "Santiago, Diego, Emiliano, José Luis, Juan Carlos, Ángel, Rubén, Efraín, Joaquín, Ramón"
    ),
    _names(
        "García, Hernández, López, Martínez, González, Rodríguez, Pérez, Sánchez, Ramírez, Flores, Gómez, "
        "Díaz, Cruz, Reyes, Morales, Gutiérrez, Ortiz, Chávez, Ruiz, Jiménez, Mendoza, Álvarez, Castillo, "
        "Vásquez, Romero, Herrera, Medina, Aguilar, Vargas, Guzmán, Núñez, Ríos, Domínguez, Contreras, "
        "Zúñiga, Ibarra, Maldonado, Estrada, Cervantes, Solís, Ávila, Peña, Fuentes, Ochoa, Velázquez, "
        "Rosales, Cárdenas, Navarro, Delgado, De la Cruz, Mejía, Robles, Espinoza, Orozco, Quintero"
    ),
    languages=(("es", 0.55),),
    compound_share=0.2,
)
_ANGLO = Culture(
    15,
    _names(
        "Emily, Sarah, Jessica, Ashley, Megan, Hannah, Olivia, Emma, Abigail, Madison, Zoë, Chloë, "
        "Renée, Noëlle, Katherine, Rebecca, Amanda, Brittany, Linda, Susan, Dorothy, Margaret"
    ),
    _names(
        "James, John, Robert, Michael, William, David, Richard, Joseph, Thomas, Christopher, Daniel, "
        "Matthew, Anthony, Mark, Steven, Andrew, Joshua, Kevin, Brian, Ryan, Tyler, Ethan, Noah"
    ),
    _names(
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, "
        "Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Walker, Young, Allen, King, Wright, "
        "Scott, Hill, Green, Adams, Baker, Nelson, O'Brien, O'Connor, McDonald, MacKenzie, "
        "Smith-Jones, Fitzgerald, D'Angelo, Sullivan, Murphy, Kelly"
    ),
)
_VIETNAMESE = Culture(
    6,
    _names("Anh, Linh, Thảo, Ngọc, Hương, Trang, Mai, Lan, Vy, Thủy, Hạnh, Phương"),
    _names("Minh, Dũng, Tuấn, Hùng, Quang, Khoa, Long, Phúc, Bảo, Huy, Thắng, Đức"),
    _names("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý"),
    languages=(("vi", 0.5),),
)
_HMONG = Culture(
    6,
    _names("Mai, Pa, Nou, Yer, Ka, Bao, Zoua, Mai Nhia, Choua, Kia, Youa, Der"),
    _names("Tou, Pao, Chue, Xeng, Kou, Fue, Nhia, Yia, Neng, Long, Cheng, Vang Pao"),
    _names("Xiong, Vang, Yang, Lee, Thao, Her, Moua, Lor, Vue, Chang, Lo, Khang, Hang, Kue"),
    languages=(("hmn", 0.5),),
)
_CHINESE = Culture(
    4,
    _names("Mei, Li-Hua, Xiu Ying, Jia, Yan, Hui-Min, Ling, Shu-Fen, Ya-Ting"),
    _names("Wei, Jian, Hao, Ming, Jun, Zhi-Wei, Kai, Chia-Hao, Kuo-Liang"),
    _names("Chen, Wang, Li, Zhang, Liu, Huang, Wu, Lin, Wong, Chan, Lam, Cheung, Ng"),
    languages=(("zh-hant", 0.45),),
)
_FILIPINO = Culture(
    5,
    _names("Maricel, Rowena, Jocelyn, Cristina, Rosario, Analyn, Lourdes, Jasmine"),
    _names("Rodrigo, Jomar, Ramon, Danilo, Rogelio, Nestor, Renato, Jericho"),
    _names("Santos, Bautista, Ocampo, Villanueva, Aquino, Dela Cruz, De Guzman, Mercado, Pascual"),
)
_ARAB = Culture(
    2,
    _names("Fatima, Amira, Layla, Noor, Yasmin, Mariam, Huda"),
    _names("Mohammed, Ahmed, Omar, Yusuf, Khalid, Hassan, Tariq"),
    _names("Al-Sayed, Haddad, Khalil, Nasser, Abdullah, Al-Amin, Mansour, Saleh"),
    languages=(("ar", 0.5),),
)
_PORTUGUESE = Culture(
    3,
    _names("Ana Paula, Gabriela, Luíza, Fernanda, Letícia, Conceição, Júlia"),
    _names("João, Tiago, Gonçalo, Luís, Paulo, Sérgio, Antônio"),
    _names("Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Gonçalves, Simões, Magalhães"),
    languages=(("pt-br", 0.5),),
)
_SOUTH_ASIAN = Culture(
    3,
    _names("Priya, Ananya, Divya, Sunita, Harpreet, Simran"),
    _names("Raj, Arjun, Vikram, Sanjay, Gurpreet, Jaswinder"),
    _names("Patel, Singh, Shah, Kaur, Gupta, Sharma, Sandhu, Gill"),
)
CULTURES = (_HISPANIC, _ANGLO, _VIETNAMESE, _HMONG, _CHINESE, _FILIPINO, _ARAB, _PORTUGUESE, _SOUTH_ASIAN)
# The network's doctors: the same names, in different proportions.
PROVIDER_CULTURES = tuple(
    Culture(weight, c.female, c.male, c.last, c.languages, c.compound_share)
    for c, weight in zip(CULTURES, (30, 30, 8, 3, 8, 8, 3, 3, 7), strict=True)
)
