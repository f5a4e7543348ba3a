//! Regression on short texts written during the second detection round
//! (see docs/detection.md, "Second round"): six small sets, each written
//! after the rules of the time, scored once, then used to fix rules from
//! language. Tuned on since, so these are floors against regressions, not
//! a measure of unseen text. Labels follow `tests/corpus/README.md`
//! (countries: destinations of US deportations; quotes of more than three
//! words, with the speaker's fullest name, or none when unattributed).

use pactwatch::detect::{detect, quote_key};

struct Item {
    set: &'static str,
    text: &'static str,
    countries: &'static [&'static str],
    /// (quote, speaker; "" when unattributed)
    quotes: &'static [(&'static str, &'static str)],
}

const ITEMS: &[Item] = &[
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
Guatemala's president, Bernardo Arévalo, said his country would receive non-Guatemalan deportees only temporarily."#,
        countries: &["GT"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
The plane, which had stopped to refuel in Ireland, landed in Mbabane on Wednesday night."#,
        countries: &["SZ"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Officials in Washington said deportations to Ukraine, which is at war with Russia, were not under consideration."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The United States deported a group of Asian migrants to Costa Rica, which agreed to hold them for up to six weeks."#,
        countries: &["CR"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Chinese and Russian nationals were among 130 migrants deported to Panama in February."#,
        countries: &["PA"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
El Salvador's Bukele offered to house U.S. prisoners, but Mexico's Sheinbaum rejected a similar request."#,
        countries: &["SV"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Lawyers said the deportees, from Cuba and Mexico, were sent to South Sudan despite a court order."#,
        countries: &["SS"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The administration deported five men to Eswatini and eight to South Sudan, while talks with Benin continued."#,
        countries: &["SZ", "SS", "BJ"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Deportations to Afghanistan, Iran and Syria remain rare, officials said."#,
        countries: &["AF", "IR", "SY"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
The deal follows agreements with Uganda and Honduras, the State Department said."#,
        countries: &["UG", "HN"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Japan and Germany have raised concerns about the U.S. deportation agreements, diplomats said."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. deported 30 people to Guatemala, most of them from Honduras and Nicaragua, under a new agreement."#,
        countries: &["GT"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"A court in Kenya blocked a plan to receive deportees from the U.S."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Venezuela resumed accepting deportation flights of its own citizens after talks with the U.S. envoy."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
Four Cubans deported to Mexico were later flown to Havana."#,
        countries: &["MX"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The deportees, including a Jamaican and a Laotian, were sent to Eswatini's Matsapha prison."#,
        countries: &["SZ"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The State Department has approached Sierra Leone, Liberia and Guinea-Bissau about accepting deportees."#,
        countries: &["SL", "LR", "GW"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Canada has not been asked to accept third-country deportees, a spokesperson for Ottawa said."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
Palau's president said the island nation would take in up to 15 deportees."#,
        countries: &["PW"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Rwanda, Uganda and Eswatini are among the African nations that have accepted deportees."#,
        countries: &["RW", "UG", "SZ"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
A lawyer in Nairobi said the men deported to Rwanda had no access to counsel."#,
        countries: &["RW"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Cuban officials condemned the deportation of Cubans to Mexico."#,
        countries: &["MX"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The U.S. has deported migrants to third countries.
Talks with Moldova stalled after Chisinau demanded assurances."#,
        countries: &["MD"],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"The deportees come from Vietnam, Laos and Cambodia, countries that often refuse to take back their citizens."#,
        countries: &[],
        quotes: &[],
    },
    Item {
        set: "set1",
        text: r#"Migrants deported to Honduras from the United States included Nicaraguans and Venezuelans."#,
        countries: &["HN"],
        quotes: &[],
    },
    Item {
        set: "set2",
        text: r#"KAMPALA, Uganda (AP) — Uganda has received its first group of people deported from the United States under an agreement reached last month, the country's foreign ministry said Thursday.
The ministry said the five men, who are from Eritrea, Somalia and Ethiopia, arrived at Entebbe airport on a charter flight.
"Uganda is honoring its commitment, but we will not accept anyone with a criminal record," Foreign Affairs State Minister Okello Oryem told reporters.
Human rights groups criticized the arrangement. Kenya, Uganda's neighbor, said it had not been approached.
"These men are being sent to a country they have never seen," said Wairimu Njoroge, a researcher with Amnesty International. "It is cruel.""#,
        countries: &["UG"],
        quotes: &[
            (
                r#"Uganda is honoring its commitment, but we will not accept anyone with a criminal record"#,
                r#"Okello Oryem"#,
            ),
            (
                r#"These men are being sent to a country they have never seen"#,
                r#"Wairimu Njoroge"#,
            ),
        ],
    },
    Item {
        set: "set2",
        text: r#"The Trump administration has asked Angola and Zambia to take in migrants deported from the U.S., according to diplomatic cables reviewed by The Washington Post.
Neither government responded to requests for comment. Zambia's opposition leader, Hakainde Mwamba, said on social media that the country "must not become America's dumping ground."
The cables show the administration also raised the idea with Brazil, which rejected it outright.
Secretary of State Marco Rubio has made the deals a priority. "We are actively working with other countries to say, 'We want to send you some of the most despicable human beings,'" he said at a cabinet meeting.
Meanwhile, China criticized U.S. tariffs on Angolan oil."#,
        countries: &["AO", "ZM"],
        quotes: &[
            (
                r#"must not become America's dumping ground"#,
                r#"Hakainde Mwamba"#,
            ),
            (
                r#"We are actively working with other countries to say, 'We want to send you some of the most despicable human beings,'"#,
                r#"Marco Rubio"#,
            ),
        ],
    },
    Item {
        set: "set2",
        text: r#"Five men deported by the United States to Eswatini have been held for three months without charge, their lawyers said on Monday.
The men, citizens of Vietnam, Jamaica, Laos, Cuba and Yemen, are held at the Matsapha Correctional Complex outside Mbabane.
"They have not been charged with any crime in this country," said attorney Sibusiso Nhlabatsi.
A government spokesperson, Thabile Mdluli, said the men would be repatriated "in due course" with help from the International Organization for Migration.
South Africa, which surrounds Eswatini on three sides, has expressed concern about the deal.
"We were not consulted," South African foreign ministry spokesman Chrispin Phiri said."#,
        countries: &["SZ"],
        quotes: &[
            (
                r#"They have not been charged with any crime in this country"#,
                r#"Sibusiso Nhlabatsi"#,
            ),
            (r#"We were not consulted"#, r#"Chrispin Phiri"#),
        ],
    },
    Item {
        set: "set2",
        text: r#"El Salvador's President Nayib Bukele met President Donald Trump at the White House on Monday, where both defended the transfer of more than 200 Venezuelans to a Salvadoran mega-prison.
"The question is how do I smuggle a terrorist into the United States? I'm not going to do it," Bukele said when asked about returning a Maryland man wrongly deported there.
Trump said he would like to send "homegrown criminals" to El Salvador as well. "You have to build about five more places," he told Bukele.
Venezuela's government called the deportations a kidnapping and demanded the men's return to Caracas."#,
        countries: &["SV"],
        quotes: &[
            (
                r#"The question is how do I smuggle a terrorist into the United States? I'm not going to do it"#,
                r#"Nayib Bukele"#,
            ),
            (
                r#"You have to build about five more places"#,
                r#"Donald Trump"#,
            ),
        ],
    },
    Item {
        set: "set2",
        text: r#"Paraguay and the United States signed a "safe third country" agreement on Friday that would allow Washington to send asylum seekers to the South American nation.
Paraguayan Foreign Minister Rubén Ramírez Lezcano signed the deal in Washington with Deputy Secretary of State Christopher Landau.
"This agreement reflects our shared commitment to orderly migration," Landau said.
Argentina, which has close ties to the Trump administration, is not part of the deal, officials said. Bolivia's government said it had received no request.
The accord resembles earlier pacts with Guatemala, Honduras and El Salvador signed during Trump's first term."#,
        countries: &["PY", "GT", "HN", "SV"],
        quotes: &[(
            r#"This agreement reflects our shared commitment to orderly migration"#,
            r#"Christopher Landau"#,
        )],
    },
    Item {
        set: "set2",
        text: r#"A planeload of deportees landed in Malabo this week, the latest sign that Equatorial Guinea has joined the list of countries taking people removed from the U.S.
Officials in Malabo declined to say how many people were aboard or where they were from. Cameroon and Gabon, its neighbors, have said they were not asked.
"We have no information about these people," said a spokesperson for the Gabonese government.
Lawyers for some of the deportees said their clients, who are from Ghana and Nigeria, had been promised they would be sent home.
"My client was never told he was going to Equatorial Guinea," said immigration lawyer Alma David. She said she would challenge the removal in court."#,
        countries: &["GQ"],
        quotes: &[
            (r#"We have no information about these people"#, r#""#),
            (
                r#"My client was never told he was going to Equatorial Guinea"#,
                r#"Alma David"#,
            ),
        ],
    },
    Item {
        set: "set3",
        text: r#"WASHINGTON (AP) — Here is where the Trump administration has sent, or plans to send, people it deports to countries other than their own.
SOUTH SUDAN: Eight men were flown to Juba in July after a Supreme Court ruling cleared the way. Only one was South Sudanese.
ESWATINI: Five men from Vietnam, Jamaica, Laos, Cuba and Yemen arrived in July; 10 more followed in October.
RWANDA: The government in Kigali agreed to take up to 250 people and received its first seven in August.
GHANA: President John Mahama said Ghana agreed to accept West Africans, who would then be free to return home. Nigeria and Togo have taken some of them.
MEXICO: Mexico has long accepted non-Mexicans from Cuba, Venezuela, Nicaragua and Haiti on humanitarian grounds."#,
        countries: &["SS", "SZ", "RW", "GH", "MX"],
        quotes: &[],
    },
    Item {
        set: "set3",
        text: r#"A federal judge in Boston on Wednesday ordered the administration to keep custody of six men it had deported to South Sudan, saying officials had violated his order.
U.S. District Judge Brian Murphy said the men, who are from Cuba, Laos, Mexico, Myanmar and Vietnam, must be given a chance to raise fears of torture.
The men were being held at a U.S. naval base in Djibouti, where officials said conditions were dangerous.
"Plaintiffs were given no meaningful opportunity to object," Murphy wrote in his order.
Homeland Security Assistant Secretary Tricia McLaughlin called the ruling "absurd." "These are the worst of the worst," she said. "No country wanted them.""#,
        countries: &["SS"],
        quotes: &[
            (
                r#"Plaintiffs were given no meaningful opportunity to object"#,
                r#"Brian Murphy"#,
            ),
            (
                r#"These are the worst of the worst"#,
                r#"Tricia McLaughlin"#,
            ),
            (r#"No country wanted them."#, r#"Tricia McLaughlin"#),
        ],
    },
    Item {
        set: "set3",
        text: r#"Costa Rica's government said Tuesday it would release the roughly 65 migrants deported there from the United States in February, most of them children from Afghanistan, China and Russia.
The migrants had been held at a former factory near the Panama border. Panama, which took in a larger group, released its detainees last month.
"Costa Rica served as a bridge," President Rodrigo Chaves said in February, describing the country's role as temporary.
Rights lawyers in San José said the detainees had been denied access to asylum procedures.
"This was an illegal detention from the first day to the last," said lawyer Silvia Ramírez."#,
        countries: &["CR", "PA"],
        quotes: &[
            (
                r#"This was an illegal detention from the first day to the last"#,
                r#"Silvia Ramírez"#,
            ),
            (r#"Costa Rica served as a bridge"#, r#"Rodrigo Chaves"#),
        ],
    },
    Item {
        set: "set3",
        text: r#"Kosovo will host up to 50 people deported from the United States for one year, the government in Pristina said on Wednesday, as it seeks closer ties with Washington.
Prime Minister Albin Kurti's government said the decision was made "in gratitude" for U.S. support. Serbia, which does not recognize Kosovo's independence, made no comment.
Albania, which has hosted migrants for Italy under a separate deal, said it had not received a U.S. request.
"We are ready to help our ally," Kurti told reporters. "Kosovo will always stand by the United States.""#,
        countries: &["XK"],
        quotes: &[
            (r#"We are ready to help our ally"#, r#"Albin Kurti"#),
            (
                r#"Kosovo will always stand by the United States"#,
                r#"Albin Kurti"#,
            ),
        ],
    },
    Item {
        set: "set3",
        text: r#"Honduras signed an agreement with the United States to accept some asylum seekers who are not Honduran, Foreign Minister Enrique Reina said.
Guatemala signed a similar pact in June, and officials in Guatemala City said the first transfers could begin within weeks.
Nicaragua and Cuba, which maintain tense relations with Washington, have refused to accept deportation flights of third-country nationals.
"Honduras is a sovereign country, and this decision was made in our interest," Reina said in a televised address.
Opposition lawmaker Jorge Cálix criticized the deal. "We are becoming the waiting room of the United States," he said."#,
        countries: &["HN", "GT"],
        quotes: &[
            (
                r#"Honduras is a sovereign country, and this decision was made in our interest"#,
                r#"Enrique Reina"#,
            ),
            (
                r#"We are becoming the waiting room of the United States"#,
                r#"Jorge Cálix"#,
            ),
        ],
    },
    Item {
        set: "set3",
        text: r#"Deportation flights to Venezuela resumed on Friday after a pause, with 180 Venezuelans landing at Maiquetía airport outside Caracas.
Venezuela's government said the flight was the 20th this year and accused the U.S. of mistreating migrants.
The U.S. has also sent Venezuelans to El Salvador and to Guantánamo Bay in Cuba, drawing criticism from rights groups.
"We will bring every Venezuelan home," Interior Minister Diosdado Cabello said.
Separately, Venezuela and Guyana traded accusations over a disputed border region."#,
        countries: &["SV"],
        quotes: &[(
            r#"We will bring every Venezuelan home"#,
            r#"Diosdado Cabello"#,
        )],
    },
    Item {
        set: "set4",
        text: r#"The United States has begun deporting migrants to Cameroon, according to lawyers for nine people who were flown to Yaoundé this week.
The deportees, from Ghana, Nigeria and the Democratic Republic of Congo, had won protection from being returned to their home countries, the lawyers said.
Cameroon's government did not respond to requests for comment. Chad, which borders Cameroon, was not involved.
"They were put on a plane in chains without being told where they were going," said Alma David, a lawyer representing several of the deportees."#,
        countries: &["CM"],
        quotes: &[(
            r#"They were put on a plane in chains without being told where they were going"#,
            r#"Alma David"#,
        )],
    },
    Item {
        set: "set4",
        text: r#"Belize and the United States have signed a "safe third country" agreement, the Belizean government said Monday, making it the latest Central American nation to agree to receive asylum seekers from the U.S.
Under the deal, people who cross into the U.S. could be sent to Belize to seek protection there instead.
Opposition leader Tracy Panton said the agreement had been negotiated in secret. "Belizeans deserve to know what we have signed up for," she said.
The agreement still needs approval from Belize's Senate. Mexico and Guatemala, Belize's neighbors, have not commented."#,
        countries: &["BZ"],
        quotes: &[(
            r#"Belizeans deserve to know what we have signed up for"#,
            r#"Tracy Panton"#,
        )],
    },
    Item {
        set: "set4",
        text: r#"India has accepted more than 1,500 of its own citizens on deportation flights from the U.S. this year, officials in New Delhi said.
The flights, on U.S. military planes, drew anger in India after deportees said they had been shackled.
Pakistan and Bangladesh have also received flights carrying their nationals.
"We are working with the U.S. to ensure the dignity of returnees," Foreign Secretary Vikram Misri said."#,
        countries: &[],
        quotes: &[(
            r#"We are working with the U.S. to ensure the dignity of returnees"#,
            r#"Vikram Misri"#,
        )],
    },
    Item {
        set: "set4",
        text: r#"Rwanda said Thursday it had received seven people deported from the United States, the first arrivals under an agreement struck in June.
Government spokesperson Yolande Makolo said three of the seven wanted to stay in Rwanda, while four hoped to return to their own countries.
The U.S. has pursued similar deals with Uganda and with Eswatini, which has taken in 15 men so far.
"Rwanda has been a partner in solving migration challenges for a long time," Makolo said. The country previously agreed to take asylum seekers from Britain under a deal that was later cancelled."#,
        countries: &["RW", "UG", "SZ"],
        quotes: &[(
            r#"Rwanda has been a partner in solving migration challenges for a long time"#,
            r#"Yolande Makolo"#,
        )],
    },
    Item {
        set: "set4",
        text: r#"The Trump administration deported a group of men to Libya on a military flight, defying a court order, two officials said.
Libya's rival government in the east, based in Benghazi, denied any agreement. The Tripoli government also said it had not agreed to receive migrants.
Italy and Malta, which have struggled with migrant crossings from Libya, expressed alarm.
"We reject any attempt to settle migrants in Libya," the Tripoli-based Government of National Unity said in a statement."#,
        countries: &["LY"],
        quotes: &[(
            r#"We reject any attempt to settle migrants in Libya"#,
            r#"Government of National Unity"#,
        )],
    },
    Item {
        set: "set5",
        text: r#"The Trump administration is in talks with Burkina Faso about accepting people deported from the United States, two people familiar with the discussions said.
Burkina Faso's military government, which expelled French troops in 2023, has not commented publicly.
Neighboring Mali and Niger, also run by juntas, have faced U.S. visa restrictions this year.
"Any agreement would need to respect our sovereignty," a Burkinabe official told Reuters on condition of anonymity."#,
        countries: &["BF"],
        quotes: &[(
            r#"Any agreement would need to respect our sovereignty"#,
            r#""#,
        )],
    },
    Item {
        set: "set5",
        text: r#"Eswatini's government said it would send home the men deported there from the U.S. once arrangements with their countries of origin were complete.
One of the men, a Jamaican national, was repatriated to Jamaica last week, his lawyer said.
Government spokesperson Thabile Mdluli said the others, from Vietnam, Laos, Cuba and Yemen, remained in custody.
"We are engaging their home countries," Mdluli said. "The kingdom has kept its word to the United States.""#,
        countries: &["SZ"],
        quotes: &[
            (
                r#"We are engaging their home countries"#,
                r#"Thabile Mdluli"#,
            ),
            (
                r#"The kingdom has kept its word to the United States"#,
                r#"Thabile Mdluli"#,
            ),
        ],
    },
    Item {
        set: "set5",
        text: r#"The State Department has sent a cable to embassies in Africa asking them to press governments to accept deportees, according to a copy seen by CBS News.
Among the countries named were Liberia, Sierra Leone and Guinea-Bissau, which already face visa restrictions.
Ethiopia, a close U.S. partner, was not on the list.
Deputy Secretary of State Christopher Landau said on X that the department was "working with partners around the world" on removals."#,
        countries: &["LR", "SL", "GW"],
        quotes: &[(
            r#"working with partners around the world"#,
            r#"Christopher Landau"#,
        )],
    },
    Item {
        set: "set5",
        text: r#"A Guatemalan man deported to Ghana said he was held for days in a hotel before being sent across the border to Togo.
"They told me nothing. I did not know what country I was in," said the man, who asked that his name be withheld.
Ghana's foreign minister, Samuel Okudzeto Ablakwa, said Ghana had accepted 42 West Africans so far under a "humanitarian" understanding with Washington.
He denied that Ghana had been paid. "We did not receive a single cedi," Ablakwa said."#,
        countries: &["GH"],
        quotes: &[
            (
                r#"They told me nothing. I did not know what country I was in"#,
                r#""#,
            ),
            (
                r#"We did not receive a single cedi"#,
                r#"Samuel Okudzeto Ablakwa"#,
            ),
        ],
    },
    Item {
        set: "set5",
        text: r#"Uganda has agreed to take in migrants deported from the United States who do not have criminal records, its foreign ministry said, though officials in Kampala said details were still being worked out.
The U.S. has struck similar agreements with Rwanda and South Sudan. Kenya, which hosts the regional headquarters of many aid groups, has not been approached, its government said.
Opposition politician Bobi Wine called the deal "a shameful trade in human beings."
Uganda is already home to nearly 2 million refugees, mainly from South Sudan and Congo."#,
        countries: &["UG", "RW", "SS"],
        quotes: &[(r#"a shameful trade in human beings"#, r#"Bobi Wine"#)],
    },
    Item {
        set: "set6",
        text: r#"Honduras will begin receiving asylum seekers from the United States under a safe third country agreement as early as next month, Honduran officials said Wednesday.
The agreement, signed in Tegucigalpa, covers migrants who are not Honduran and who passed through Honduras on their way north.
Nicaragua, whose government is under U.S. sanctions, has rejected a similar request, according to a State Department official.
"Honduras has always been a country of solidarity," Deputy Foreign Minister Antonio García said in a radio interview."#,
        countries: &["HN"],
        quotes: &[(
            r#"Honduras has always been a country of solidarity"#,
            r#"Antonio García"#,
        )],
    },
    Item {
        set: "set6",
        text: r#"Five people deported from the United States arrived in São Tomé and Príncipe on Sunday, the island nation's government said, making it the smallest country yet to join the program.
The government said the five, whose nationalities were not disclosed, would be housed in Sao Tome, the capital, while their cases were reviewed.
Portugal, the former colonial power, said it had not been consulted.
"We accepted this responsibility as a sovereign decision," Prime Minister Patrice Trovoada told state radio."#,
        countries: &["ST"],
        quotes: &[(
            r#"We accepted this responsibility as a sovereign decision"#,
            r#"Patrice Trovoada"#,
        )],
    },
    Item {
        set: "set6",
        text: r#"The number of countries accepting people deported from the U.S. has grown to more than a dozen, according to a tally by The New York Times.
They include El Salvador, Costa Rica, Panama, Mexico, Kosovo, Rwanda, Uganda, Eswatini, South Sudan and Ghana.
Talks with other governments, including Ecuador and Ukraine, have been reported but not confirmed.
"The administration is scouring the globe for places to send people," said Aaron Reichlin-Melnick of the American Immigration Council."#,
        countries: &[
            "SV", "CR", "PA", "MX", "XK", "RW", "UG", "SZ", "SS", "GH", "EC", "UA",
        ],
        quotes: &[(
            r#"The administration is scouring the globe for places to send people"#,
            r#"Aaron Reichlin-Melnick"#,
        )],
    },
    Item {
        set: "set6",
        text: r#"A Salvadoran man living in Maryland was mistakenly deported to El Salvador in March and held in the country's CECOT prison, the administration acknowledged.
His wife, a U.S. citizen, said she learned of his deportation from a photo. "I just want my husband home," she told reporters.
The Supreme Court ordered the government to facilitate his return. He was brought back to the U.S. in June to face charges in Tennessee."#,
        countries: &["SV"],
        quotes: &[(r#"I just want my husband home"#, r#""#)],
    },
    Item {
        set: "set6",
        text: r#"Deportation flights to Colombia resumed after President Gustavo Petro reversed his refusal to accept military planes carrying Colombian migrants.
Petro had turned back two U.S. aircraft, prompting President Donald Trump to threaten tariffs on Colombian goods.
"We will receive our compatriots with dignity," Petro wrote on X.
Brazil also protested the treatment of Brazilians deported in handcuffs on a January flight to Manaus."#,
        countries: &[],
        quotes: &[(
            r#"We will receive our compatriots with dignity"#,
            r#"Gustavo Petro"#,
        )],
    },
];

#[derive(Default)]
struct Tally {
    country_tp: usize,
    country_fp: usize,
    country_fn: usize,
    quote_tp: usize,
    quote_fp: usize,
    quote_fn: usize,
    speakers_right: usize,
}

#[test]
fn phrasings_stay_above_floors() {
    let mut all = Tally::default();
    for item in ITEMS {
        let found = detect(item.text);
        let got: Vec<&str> = found.countries.iter().map(|c| c.code).collect();
        for code in &got {
            if item.countries.contains(code) {
                all.country_tp += 1;
            } else {
                all.country_fp += 1;
                println!("{}: country FP {code}: {}", item.set, item.text);
            }
        }
        for code in item.countries {
            if !got.contains(code) {
                all.country_fn += 1;
                println!("{}: country FN {code}: {}", item.set, item.text);
            }
        }
        let wanted: Vec<(String, &str)> = item
            .quotes
            .iter()
            .map(|(q, s)| (quote_key(q), *s))
            .collect();
        let mut matched = vec![false; wanted.len()];
        for quote in &found.quotes {
            let key = quote_key(&quote.text);
            match wanted
                .iter()
                .position(|(w, _)| w.contains(&key) || key.contains(w.as_str()))
            {
                Some(i) => {
                    matched[i] = true;
                    all.quote_tp += 1;
                    let speaker = quote.speaker.as_deref().unwrap_or("");
                    if speaker == wanted[i].1 {
                        all.speakers_right += 1;
                    } else {
                        println!("{}: speaker {speaker:?}, want {:?}", item.set, wanted[i].1);
                    }
                }
                None => {
                    all.quote_fp += 1;
                    println!("{}: quote FP {:?}", item.set, quote.text);
                }
            }
        }
        for (i, (quote, _)) in item.quotes.iter().enumerate() {
            if !matched[i] {
                all.quote_fn += 1;
                println!("{}: quote FN {quote:?}", item.set);
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / (a + b).max(1) as f64;
    let country_p = ratio(all.country_tp, all.country_fp);
    let country_r = ratio(all.country_tp, all.country_fn);
    let quote_p = ratio(all.quote_tp, all.quote_fp);
    let quote_r = ratio(all.quote_tp, all.quote_fn);
    let speakers = all.speakers_right as f64 / all.quote_tp.max(1) as f64;
    println!(
        "phrasings: countries P {country_p:.3} R {country_r:.3} (tp {} fp {} fn {}) | quotes P {quote_p:.3} R {quote_r:.3} | speakers {speakers:.3} ({}/{})",
        all.country_tp, all.country_fp, all.country_fn, all.speakers_right, all.quote_tp
    );
    assert!(
        country_p >= 0.9 && country_r >= 0.9,
        "countries P {country_p} R {country_r}"
    );
    assert!(
        quote_p >= 0.9 && quote_r >= 0.9,
        "quotes P {quote_p} R {quote_r}"
    );
    assert!(speakers >= 0.9, "speakers {speakers}");
}
