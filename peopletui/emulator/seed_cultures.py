"""Names, places and phone formats for the seed data, one block per culture.

The tables are kept as text so that they stay readable in every script; `CULTURES` parses them once
at import. Block notation:

- ``[key locale weight options…]`` opens a culture; options are ``family_first`` (family name
  written first), ``double_family`` (Spanish-style two family names) and ``latin=P`` (the chance
  that a contact from this culture is written in Latin letters instead of its own script);
- a name part is ``native|latin|phonetic``: ``latin`` (lower-case ASCII, for e-mail addresses and
  romanised contacts) defaults to an ASCII folding of ``native``; ``phonetic`` is the reading that
  Google Contacts keeps for CJK names; a family name with a feminine form is ``male ~ female``;
- ``place: city / region / postal code / street format / country code [/ P.O. box]`` is followed by
  its ``streets:``; ``-`` is an empty region; in templates ``#`` is a digit and ``@`` an
  upper-case letter; a street format places ``{s}`` (street), ``{n}`` (house number) and ``{m}``
  (a small number);
- a key that repeats continues its list.

Phone templates stay inside the ranges set aside for fiction where one exists (US/Canada 555-01xx,
UK Ofcom drama numbers, France ARCEP 01 99 00 / 06 39 98); elsewhere they only look plausible.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

_TABLES = """
[us en-US 14]
female: Emily, Olivia, Grace, Madison, Hannah, Ava, Chloe, Abigail, Mia, Harper
male: James, Michael, Ethan, Noah, Daniel, Tyler, Benjamin, Lucas, Caleb, Jackson
family: Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Wilson, Anderson
family: Taylor, Thomas, Moore, Martin, Lee, Thompson, White, Harris, Clark, Rivera
phones: +1 212-555-01##; (415) 555-01##; 512-555-01##; +1 312 555 01##; +1 206-555-01##
phones: (617) 555-01##; +1 303-555-01##; 404-555-01##; +1 702 555 01##; (808) 555-01##
phones: +1 919-555-01##; +1 503-555-01##
place: New York / NY / 100## / {n} {s} / US
streets: Amsterdam Avenue; West 86th Street; Bedford Avenue
place: San Francisco / CA / 941## / {n} {s} / US
streets: Valencia Street; Divisadero Street
place: Austin / TX / 787## / {n} {s} / US
streets: South Congress Avenue; East 6th Street
place: Chicago / IL / 606## / {n} {s} / US
streets: North Clark Street; West Armitage Avenue
place: Seattle / WA / 981## / {n} {s} / US
streets: Pike Street; NE 45th Street

[gb en-GB 6]
female: Amelia, Isla, Poppy, Sophie, Charlotte, Freya, Imogen, Eleanor
male: Oliver, Harry, George, Alfie, Archie, Theo, Rhys, Callum
family: Jones, Evans, Roberts, Hughes, Wright, Walker, Edwards, Patel, Khan, Campbell
family: MacDonald, O'Connor, Fitzgerald
phones: +44 7700 900###; 020 7946 0###; 0161 496 0###; +44 131 496 0###
place: London / - / N1 #@@ / {n} {s} / GB
streets: Upper Street; Essex Road
place: London / - / SE15 #@@ / {n} {s} / GB
streets: Rye Lane; Bellenden Road
place: Manchester / - / M4 #@@ / {n} {s} / GB
streets: Oldham Street; Thomas Street
place: Edinburgh / Scotland / EH1 #@@ / {n} {s} / GB
streets: Cockburn Street; Victoria Street
place: Cardiff / Wales / CF10 #@@ / {n} {s} / GB
streets: Heol y Frenhines; Womanby Street

[de de-DE 6]
female: Anna, Lena, Sophie, Marie, Johanna, Mia, Katharina, Ute
male: Lukas, Jonas, Felix, Maximilian, Jürgen, Stefan, Matthias, Björn
family: Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schäfer, Hoffmann
family: Krüger, Groß
phones: +49 30 ########; +49 151 ########; +49 89 #######; 0176 ########
place: Berlin / Berlin / 10### / {s} {n} / DE
streets: Kastanienallee; Oranienstraße; Schönhauser Allee
place: München / Bayern / 80### / {s} {n} / DE
streets: Leopoldstraße; Sendlinger Straße
place: Hamburg / Hamburg / 20### / {s} {n} / DE
streets: Mönckebergstraße; Große Bergstraße
place: Köln / Nordrhein-Westfalen / 50### / {s} {n} / DE
streets: Ehrenstraße; Aachener Straße

[fr fr-FR 5]
female: Camille, Léa, Chloé, Manon, Inès, Élodie, Margaux, Aurélie
male: Théo, Hugo, Mathéo, Étienne, Jérôme, Benoît, Rémi, Gaël
family: Martin, Bernard, Dubois, Lefèvre, Moreau, Laurent, Girard, Rousseau, Mercier
family: Fontaine, Chevalier, Lemaître
phones: +33 1 99 00 ## ##; +33 6 39 98 ## ##; 06 39 98 ## ##
place: Paris / Île-de-France / 750## / {n} {s} / FR
streets: rue de la Roquette; boulevard Saint-Germain; rue des Martyrs
place: Lyon / Auvergne-Rhône-Alpes / 6900# / {n} {s} / FR
streets: rue de la République; quai Saint-Antoine
place: Marseille / Provence-Alpes-Côte d'Azur / 130## / {n} {s} / FR
streets: La Canebière; rue Paradis

[es es-ES 4 double_family]
female: Lucía, María José, Carmen, Paula, Nuria, Alba, Begoña, Ainhoa
male: Javier, Álvaro, Sergio, Iñaki, Pablo, Jordi, Rubén, Hugo
family: García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez
family: Muñoz, Jiménez, Ibáñez
phones: +34 6## ### ###; +34 91 ### ## ##
place: Madrid / Comunidad de Madrid / 280## / {s}, {n} / ES
streets: Calle de Alcalá; Calle de Fuencarral
place: Barcelona / Cataluña / 080## / {s}, {n} / ES
streets: Carrer de Mallorca; Carrer de Verdi
place: Sevilla / Andalucía / 410## / {s}, {n} / ES
streets: Calle Betis; Calle Feria
place: Bilbao / País Vasco / 480## / {s}, {n} / ES
streets: Calle Ledesma; Gran Vía de Don Diego López de Haro

[mx es-MX 3 double_family]
female: Guadalupe, Ximena, Valeria, Fernanda, Itzel, Renata
male: Santiago, Mateo, Emiliano, Diego, Joaquín, Iker
family: Hernández, López, Ramírez, Torres, Flores, Cruz, Reyes, Ortiz, Chávez, Vázquez
phones: +52 55 #### ####; +52 33 #### ####
place: Ciudad de México / CDMX / 06### / {s} {n} / MX
streets: Avenida Álvaro Obregón; Calle Durango
place: Guadalajara / Jalisco / 44### / {s} {n} / MX
streets: Avenida Chapultepec; Calle Libertad
place: Oaxaca de Juárez / Oaxaca / 68### / {s} {n} / MX
streets: Calle Macedonio Alcalá

[br pt-BR 4]
female: Ana, Beatriz, Larissa, Juliana, Gabriela, Letícia, Luíza, Conceição
male: João, Pedro, Gustavo, Rafael, Vinícius, Matheus, Thiago, Caio
family: Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida, Gonçalves, Araújo
phones: +55 11 9####-####; +55 21 9####-####; (31) 9####-####
place: São Paulo / SP / 01###-### / {s}, {n} / BR
streets: Rua Augusta; Avenida Paulista
place: Rio de Janeiro / RJ / 22###-### / {s}, {n} / BR
streets: Rua Visconde de Pirajá; Rua Farme de Amoedo
place: Belo Horizonte / MG / 30###-### / {s}, {n} / BR
streets: Rua da Bahia

[it it-IT 3]
female: Giulia, Chiara, Francesca, Sofia, Martina, Alessia
male: Lorenzo, Matteo, Niccolò, Davide, Andrea, Riccardo
family: Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, D'Angelo
phones: +39 3## ### ####; +39 06 #### ####
place: Roma / Lazio / 001## / {s}, {n} / IT
streets: Via del Corso; Via Appia Nuova
place: Milano / Lombardia / 201## / {s}, {n} / IT
streets: Corso Buenos Aires; Via Paolo Sarpi
place: Napoli / Campania / 801## / {s}, {n} / IT
streets: Via Toledo

[pl pl-PL 3]
female: Agnieszka, Małgorzata, Katarzyna, Zofia, Joanna, Ewa
male: Łukasz, Paweł, Michał, Grzegorz, Wojciech, Piotr
family: Nowak, Kowalski ~ Kowalska, Wiśniewski ~ Wiśniewska, Wójcik, Kamiński ~ Kamińska
family: Lewandowski ~ Lewandowska, Zieliński ~ Zielińska, Woźniak, Dąbrowski ~ Dąbrowska
phones: +48 ### ### ###; +48 12 ### ## ##
place: Kraków / małopolskie / 3#-### / {s} {n} / PL
streets: ul. Floriańska; ul. Długa
place: Warszawa / mazowieckie / 0#-### / {s} {n} / PL
streets: ul. Nowy Świat; ul. Marszałkowska
place: Wrocław / dolnośląskie / 5#-### / {s} {n} / PL
streets: ul. Świdnicka

[da da-DK 2]
female: Freja, Ida, Mette, Signe, Astrid, Sofie
male: Søren, Mads, Rasmus, Jens, Anders, Kasper
family: Jensen, Nielsen, Hansen, Pedersen, Østergaard, Sørensen, Kjær, Mølgaard
phones: +45 ## ## ## ##
place: København / Hovedstaden / 2### / {s} {n} / DK
streets: Nørrebrogade; Vesterbrogade; Istedgade
place: Aarhus / Midtjylland / 8000 / {s} {n} / DK
streets: Jægergårdsgade

[sv sv-SE 2]
female: Elsa, Maja, Ebba, Linnéa, Saga, Åsa
male: Oskar, Axel, Viktor, Måns, Olle, Göran
family: Andersson, Johansson, Karlsson, Nilsson, Lindqvist, Åberg, Sjöberg, Ekström
phones: +46 70-### ## ##; +46 8-### ### ##
place: Stockholm / Stockholms län / 11# ## / {s} {n} / SE
streets: Götgatan; Drottninggatan; Hornsgatan
place: Göteborg / Västra Götalands län / 41# ## / {s} {n} / SE
streets: Linnégatan
place: Malmö / Skåne län / 21# ## / {s} {n} / SE
streets: Södra Förstadsgatan

[nl nl-NL 2]
female: Sanne, Fleur, Noor, Anouk, Lotte, Femke
male: Daan, Bram, Sem, Thijs, Joost, Maarten
family: de Vries, van den Berg, Jansen, Bakker, Visser, de Jong, van Dijk, Meijer, Mulder
phones: +31 6 ########; +31 20 ### ####
place: Amsterdam / Noord-Holland / 10## @@ / {s} {n} / NL
streets: Prinsengracht; Overtoom
place: Utrecht / Utrecht / 35## @@ / {s} {n} / NL
streets: Oudegracht

[tr tr-TR 2]
female: Ayşe, Elif, Zeynep, Gülşen, Şule, Öykü
male: Mehmet, Emre, Çağrı, Burak, İbrahim, Oğuz
family: Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Özdemir, Arslan
phones: +90 5## ### ## ##; +90 212 ### ## ##
place: İstanbul / İstanbul / 34### / {s} No:{n} / TR
streets: İstiklal Caddesi; Bağdat Caddesi
place: İzmir / İzmir / 35### / {s} No:{n} / TR
streets: Kıbrıs Şehitleri Caddesi

[vi vi-VN 2 family_first]
female: Minh Anh, Thu Trang, Ngọc Lan, Thảo, Hương, Mai
male: Minh, Quang Huy, Đức Anh, Tuấn, Hoàng Long, Bảo
family: Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Đặng, Bùi
middle_female: Thị
middle_male: Văn, Hữu, Đức
phones: +84 9# ### ## ##; +84 24 #### ####
place: Hà Nội / - / 10#### / {n} {s} / VN
streets: Phố Hàng Bạc; Đường Láng
place: Thành phố Hồ Chí Minh / - / 70#### / {n} {s} / VN
streets: Đường Nguyễn Huệ; Đường Lê Lợi

[el el-GR 2 latin=0.2]
female: Μαρία|maria, Ελένη|eleni, Κατερίνα|katerina, Δήμητρα|dimitra, Σοφία|sofia
male: Γιώργος|giorgos, Νίκος|nikos, Κώστας|kostas, Δημήτρης|dimitris, Γιάννης|giannis
family: Παπαδόπουλος|papadopoulos ~ Παπαδοπούλου|papadopoulou
family: Παπαδάκης|papadakis ~ Παπαδάκη|papadaki, Οικονόμου|oikonomou, Γεωργίου|georgiou
family: Νικολάου|nikolaou, Καραγιάννης|karagiannis ~ Καραγιάννη|karagianni
phones: +30 69# ### ####; +30 210 ### ####
place: Αθήνα / Αττική / 1## ## / {s} {n} / GR
streets: Ερμού; Πανεπιστημίου; Αιόλου
place: Θεσσαλονίκη / Κεντρική Μακεδονία / 54# ## / {s} {n} / GR
streets: Τσιμισκή; Εγνατία

[ru ru-RU 3 latin=0.2]
female: Анна|anna, Мария|mariya, Екатерина|ekaterina, Ольга|olga, Наталья|natalya
male: Александр|aleksandr, Дмитрий|dmitry, Сергей|sergey, Иван|ivan, Михаил|mikhail
family: Иванов|ivanov ~ Иванова|ivanova, Смирнов|smirnov ~ Смирнова|smirnova
family: Кузнецов|kuznetsov ~ Кузнецова|kuznetsova, Соколов|sokolov ~ Соколова|sokolova
family: Волков|volkov ~ Волкова|volkova, Фёдоров|fyodorov ~ Фёдорова|fyodorova
middle_female: Сергеевна|sergeevna, Александровна|aleksandrovna
middle_male: Сергеевич|sergeevich, Александрович|aleksandrovich
phones: +7 9## ###-##-##; +7 495 ###-##-##
place: Москва / Москва / 1##### / {s}, д. {n} / RU
streets: ул. Тверская; ул. Арбат; Ленинский проспект
place: Санкт-Петербург / Санкт-Петербург / 19#### / {s}, д. {n} / RU
streets: Невский проспект

[ar ar-EG 3 latin=0.3]
female: ليلى|layla, فاطمة|fatima, مريم|maryam, نور|nour, سلمى|salma, ياسمين|yasmin
male: محمد|mohamed, أحمد|ahmed, عمر|omar, خالد|khaled, يوسف|youssef, كريم|karim
family: حداد|haddad, المصري|elmasry, عبد الله|abdallah, حسن|hassan, منصور|mansour
family: سليمان|soliman
phones: +20 10 #### ####; +20 2 #### ####; +962 7# ### ####
place: القاهرة / محافظة القاهرة / 11### / {n} {s} / EG
streets: شارع التحرير; شارع قصر النيل
place: الإسكندرية / محافظة الإسكندرية / 21### / {n} {s} / EG
streets: طريق الحرية
place: عمّان / - / 11### / {n} {s} / JO
streets: شارع الرينبو

[he he-IL 2 latin=0.2]
female: נועה|noa, מאיה|maya, תמר|tamar, שירה|shira, יעל|yael, מיכל|michal
male: דוד|david, יונתן|yonatan, איתי|itai, עומר|omer, אריאל|ariel, יוסף|yosef
family: כהן|cohen, לוי|levi, מזרחי|mizrahi, פרץ|peretz, ביטון|biton, פרידמן|friedman
family: שפירא|shapira
phones: +972 5#-###-####; +972 3-###-####
place: תל אביב-יפו / מחוז תל אביב / 6###### / {s} {n} / IL
streets: רחוב דיזנגוף; שדרות רוטשילד
place: ירושלים / מחוז ירושלים / 9###### / {s} {n} / IL
streets: רחוב יפו
place: חיפה / מחוז חיפה / 3###### / {s} {n} / IL
streets: שדרות בן גוריון

[zh zh-CN 5 family_first latin=0.1]
female: 秀英|xiuying|Xiùyīng, 丽|li|Lì, 静|jing|Jìng, 晓燕|xiaoyan|Xiǎoyàn
female: 婷婷|tingting|Tíngtíng, 雨涵|yuhan|Yǔhán
male: 伟|wei|Wěi, 小明|xiaoming|Xiǎomíng, 浩然|haoran|Hàorán, 建国|jianguo|Jiànguó
male: 子轩|zixuan|Zǐxuān, 志强|zhiqiang|Zhìqiáng
family: 王|wang|Wáng, 李|li|Lǐ, 张|zhang|Zhāng, 刘|liu|Liú, 陈|chen|Chén, 杨|yang|Yáng
family: 黄|huang|Huáng, 赵|zhao|Zhào, 周|zhou|Zhōu, 吴|wu|Wú
phones: +86 13# #### ####; +86 21 #### ####
place: 上海市 / 上海市 / 200### / {s}{n}号 / CN
streets: 南京西路; 淮海中路
place: 北京市 / 北京市 / 100### / {s}{n}号 / CN
streets: 朝阳门外大街; 鼓楼东大街
place: 深圳市 / 广东省 / 518### / {s}{n}号 / CN
streets: 深南大道
place: 成都市 / 四川省 / 610### / {s}{n}号 / CN
streets: 春熙路

[ja ja-JP 4 family_first]
female: 陽菜|hina|ひな, 結衣|yui|ゆい, さくら|sakura|さくら, 美咲|misaki|みさき, 葵|aoi|あおい
male: 蓮|ren|れん, 大翔|hiroto|ひろと, 悠真|yuma|ゆうま, 翔太|shota|しょうた
male: 健一|kenichi|けんいち
family: 佐藤|sato|さとう, 鈴木|suzuki|すずき, 高橋|takahashi|たかはし, 田中|tanaka|たなか
family: 伊藤|ito|いとう, 渡辺|watanabe|わたなべ, 山本|yamamoto|やまもと
family: 中村|nakamura|なかむら
phones: +81 90-####-####; 03-####-####; +81 6-####-####
place: 渋谷区 / 東京都 / 150-00## / {s}{m}-{n} / JP
streets: 神宮前; 道玄坂
place: 大阪市北区 / 大阪府 / 530-00## / {s}{m}-{n} / JP
streets: 梅田; 中崎西
place: 京都市中京区 / 京都府 / 604-8### / {s}{n} / JP
streets: 河原町通三条下る

[ko ko-KR 3 family_first]
female: 서연|seoyeon|Seo-yeon, 지우|jiwoo|Ji-woo, 민서|minseo|Min-seo, 하은|haeun|Ha-eun
female: 수빈|subin|Su-bin
male: 민준|minjun|Min-jun, 서준|seojun|Seo-jun, 도윤|doyun|Do-yun, 예준|yejun|Ye-jun
male: 현우|hyunwoo|Hyun-woo
family: 김|kim|Kim, 이|lee|Lee, 박|park|Park, 최|choi|Choi, 정|jung|Jung, 강|kang|Kang
family: 윤|yoon|Yoon
phones: +82 10-####-####; 02-###-####
place: 강남구 / 서울특별시 / 06### / {s} {n} / KR
streets: 테헤란로; 강남대로
place: 해운대구 / 부산광역시 / 48### / {s} {n} / KR
streets: 해운대해변로

[hi hi-IN 5 latin=0.5]
female: प्रिया|priya, अनन्या|ananya, दीपिका|deepika, कविता|kavita, नेहा|neha, पूजा|pooja
male: राहुल|rahul, अर्जुन|arjun, विकास|vikas, आदित्य|aditya, रोहन|rohan, संजय|sanjay
family: शर्मा|sharma, वर्मा|verma, गुप्ता|gupta, सिंह|singh, पटेल|patel, मिश्रा|mishra
family: अग्रवाल|agarwal, जोशी|joshi
phones: +91 98### #####; +91 22 #### ####; +91 80 #### ####
place: Mumbai / Maharashtra / 400### / {n}, {s} / IN
streets: Linking Road, Bandra West; Hill Road
place: Bengaluru / Karnataka / 560### / {n}, {s} / IN
streets: 100 Feet Road, Indiranagar
place: नई दिल्ली / दिल्ली / 110### / {n}, {s} / IN
streets: खान मार्केट; चांदनी चौक

[ng en-NG 2]
female: Chiamaka, Ngozi, Adaeze, Funmilayo, Aisha, Adébọ́lá
male: Chinedu, Emeka, Babatunde, Ifeanyi, Kelechi, Olúwaṣeun
family: Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Ogunleye, Bello
phones: +234 80# ### ####; +234 81# ### ####
place: Lagos / Lagos State / 1000## / {n} {s} / NG
streets: Admiralty Way, Lekki Phase 1; Allen Avenue
place: Abuja / Federal Capital Territory / 900### / {n} {s} / NG
streets: Aminu Kano Crescent, Wuse 2

[ke en-KE 1]
female: Wanjiru, Achieng, Njeri, Akinyi, Wambui
male: Kamau, Otieno, Mwangi, Omondi, Baraka
family: Odhiambo, Wanjiku, Kiptoo, Njoroge, Mutua, Kariuki
phones: +254 7## ### ###
place: Nairobi / Nairobi County / 00100 / {s} / KE / P.O. Box #####-00100
streets: Ngong Road; Moi Avenue
place: Mombasa / Mombasa County / 80100 / {s} / KE / P.O. Box ####-80100
streets: Nyerere Avenue

[th th-TH 1 latin=0.3]
female: สุดา|suda, มาลี|malee, นภา|napa, พิมพ์|pim
male: สมชาย|somchai, ประเสริฐ|prasert, ธนา|thana, วีระ|weera
family: ศรีสุข|srisuk, วงศ์สวัสดิ์|wongsawat, จันทร์แก้ว|chankaew, ทองดี|thongdee
phones: +66 8# ### ####; 02 ### ####
place: กรุงเทพมหานคร / - / 10### / {n} {s} / TH
streets: ถนนสุขุมวิท; ถนนสีลม
"""

COUNTRY_NAMES: dict[str, str] = {
    "US": "United States", "GB": "United Kingdom", "DE": "Germany", "FR": "France",
    "ES": "Spain", "MX": "Mexico", "BR": "Brazil", "IT": "Italy", "PL": "Poland",
    "DK": "Denmark", "SE": "Sweden", "NL": "Netherlands", "TR": "Türkiye", "VN": "Vietnam",
    "GR": "Greece", "RU": "Russia", "EG": "Egypt", "JO": "Jordan", "IL": "Israel",
    "CN": "China", "JP": "Japan", "KR": "South Korea", "IN": "India", "NG": "Nigeria",
    "KE": "Kenya", "TH": "Thailand",
}  # fmt: skip

# Letters that Unicode decomposition does not reduce to ASCII.
_FOLD_EXTRA = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D",
     "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "œ": "oe", "Œ": "Oe"}
)  # fmt: skip


def ascii_fold(text: str) -> str:
    """`Łukasz Søren-Ørsted` → `Lukasz Soren-Orsted`; letters outside Latin are dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return decomposed.encode("ascii", "ignore").decode("ascii")


@dataclass(frozen=True)
class NamePart:
    native: str
    latin: str
    """Lower-case ASCII romanisation."""
    phonetic: str | None = None

    @property
    def romanised(self) -> str:
        """The part as a Latin-script contact would write it (`papadopoulou` → `Papadopoulou`)."""
        return self.phonetic if self.phonetic and self.phonetic.isascii() else self.latin.title()


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    postal: str
    street_format: str
    country_code: str
    po_box: str = ""
    streets: list[str] = field(default_factory=list, hash=False)

    @property
    def country(self) -> str:
        return COUNTRY_NAMES[self.country_code]


@dataclass
class Culture:
    key: str
    locale: str
    weight: int
    family_first: bool = False
    double_family: bool = False
    latin_chance: float = 0.0
    female: list[NamePart] = field(default_factory=list)
    male: list[NamePart] = field(default_factory=list)
    family: list[tuple[NamePart, NamePart]] = field(default_factory=list)
    """(masculine form, feminine form); the same part twice where the name does not inflect."""
    middle_female: list[NamePart] = field(default_factory=list)
    middle_male: list[NamePart] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)


def _name_part(spec: str) -> NamePart:
    native, _, rest = spec.strip().partition("|")
    latin, _, phonetic = rest.partition("|")
    folded = latin or ascii_fold(native).lower().replace(" ", "").replace("'", "")
    return NamePart(native, folded, phonetic or None)


def _family(spec: str) -> tuple[NamePart, NamePart]:
    male, _, female = spec.partition(" ~ ")
    return _name_part(male), _name_part(female or male)


def _open_culture(header: str) -> Culture:
    key, locale, weight, *options = header.strip("[]").split()
    culture = Culture(key, locale, int(weight))
    for option in options:
        name, _, value = option.partition("=")
        if name == "latin":
            culture.latin_chance = float(value)
        else:
            setattr(culture, name, True)
    return culture


def _parse(text: str) -> tuple[Culture, ...]:
    cultures: list[Culture] = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        if line.startswith("["):
            cultures.append(_open_culture(line))
            continue
        culture = cultures[-1]
        key, _, value = line.partition(": ")
        if key == "place":
            city, region, postal, fmt, code, *po_box = value.split(" / ")
            region = "" if region == "-" else region
            culture.places.append(Place(city, region, postal, fmt, code, "".join(po_box)))
        elif key == "streets":
            culture.places[-1].streets.extend(s.strip() for s in value.split(";"))
        elif key == "phones":
            culture.phones.extend(p.strip() for p in value.split(";"))
        elif key == "family":
            culture.family.extend(_family(spec) for spec in value.split(","))
        else:  # female, male, middle_female, middle_male
            getattr(culture, key).extend(_name_part(spec) for spec in value.split(","))
    return tuple(cultures)


CULTURES: tuple[Culture, ...] = _parse(_TABLES)
CULTURE_BY_KEY: dict[str, Culture] = {culture.key: culture for culture in CULTURES}
