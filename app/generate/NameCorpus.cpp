#include "generate/NameCorpus.h"

namespace quarry {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kFirstNames[] = {
    "James"sv,   "Mary"sv,      "John"sv,     "Patricia"sv,  "Robert"sv,    "Jennifer"sv,  "Michael"sv,   "Linda"sv,
    "William"sv, "Elizabeth"sv, "David"sv,    "Barbara"sv,   "Richard"sv,   "Susan"sv,     "Joseph"sv,    "Jessica"sv,
    "Thomas"sv,  "Sarah"sv,     "Charles"sv,  "Karen"sv,     "Daniel"sv,    "Nancy"sv,     "Matthew"sv,   "Lisa"sv,
    "Anthony"sv, "Betty"sv,     "Mark"sv,     "Margaret"sv,  "Donald"sv,    "Sandra"sv,    "Steven"sv,    "Ashley"sv,
    "Paul"sv,    "Kimberly"sv,  "Andrew"sv,   "Emily"sv,     "Joshua"sv,    "Donna"sv,     "Kenneth"sv,   "Michelle"sv,
    "Kevin"sv,   "Dorothy"sv,   "Brian"sv,    "Carol"sv,     "George"sv,    "Amanda"sv,    "Edward"sv,    "Melissa"sv,
    "Ronald"sv,  "Deborah"sv,   "Timothy"sv,  "Stephanie"sv, "Jason"sv,     "Rebecca"sv,   "Jeffrey"sv,   "Sharon"sv,
    "Ryan"sv,    "Laura"sv,     "Jacob"sv,    "Cynthia"sv,   "Gary"sv,      "Kathleen"sv,  "Nicholas"sv,  "Amy"sv,
    "Eric"sv,    "Shirley"sv,   "Jonathan"sv, "Angela"sv,    "Stephen"sv,   "Helen"sv,     "Larry"sv,     "Anna"sv,
    "Justin"sv,  "Brenda"sv,    "Scott"sv,    "Pamela"sv,    "Brandon"sv,   "Nicole"sv,    "Benjamin"sv,  "Emma"sv,
    "Samuel"sv,  "Samantha"sv,  "Gregory"sv,  "Katherine"sv, "Frank"sv,     "Christine"sv, "Alexander"sv, "Rachel"sv,
    "Raymond"sv, "Catherine"sv, "Patrick"sv,  "Carolyn"sv,   "Jack"sv,      "Janet"sv,     "Dennis"sv,    "Ruth"sv,
    "Tyler"sv,   "Maria"sv,     "Aaron"sv,    "Heather"sv,   "Jose"sv,      "Diane"sv,     "Adam"sv,      "Virginia"sv,
    "Henry"sv,   "Julie"sv,     "Nathan"sv,   "Joyce"sv,     "Douglas"sv,   "Victoria"sv,  "Zachary"sv,   "Olivia"sv,
    "Peter"sv,   "Kelly"sv,     "Kyle"sv,     "Christina"sv, "Noah"sv,      "Lauren"sv,    "Ethan"sv,     "Joan"sv,
    "Jeremy"sv,  "Evelyn"sv,    "Walter"sv,   "Judith"sv,    "Christian"sv, "Megan"sv,     "Keith"sv,     "Cheryl"sv,
    "Roger"sv,   "Andrea"sv,    "Terry"sv,    "Hannah"sv,    "Austin"sv,    "Martha"sv,    "Sean"sv,      "Gloria"sv,
    "Gerald"sv,  "Frances"sv,   "Carl"sv,     "Teresa"sv,    "Harold"sv,    "Ann"sv,       "Dylan"sv,     "Kathryn"sv,
    "Arthur"sv,  "Sara"sv,      "Lawrence"sv, "Janice"sv,    "Jordan"sv,    "Jean"sv,      "Jesse"sv,     "Alice"sv,
    "Bryan"sv,   "Madison"sv,   "Bruce"sv,    "Doris"sv,     "Gabriel"sv,   "Abigail"sv,   "Logan"sv,     "Julia"sv,
    "Alan"sv,    "Grace"sv,     "Juan"sv,     "Denise"sv,    "Albert"sv,    "Amber"sv,     "Elijah"sv,    "Beverly"sv,
    "Wayne"sv,   "Danielle"sv,  "Vincent"sv,  "Sophia"sv,    "Mason"sv,     "Marie"sv,     "Roy"sv,       "Diana"sv,
    "Ralph"sv,   "Natalie"sv,   "Russell"sv,  "Isabella"sv,  "Philip"sv,    "Charlotte"sv, "Louis"sv,     "Rose"sv,
    "Aisha"sv,   "Amir"sv,      "Wei"sv,      "Yuki"sv,      "Hiroshi"sv,   "Priya"sv,     "Arjun"sv,     "Fatima"sv,
    "Omar"sv,    "Lucia"sv,     "Mateo"sv,    "Sofia"sv,     "Diego"sv,     "Ingrid"sv,    "Lars"sv,      "Anika"sv,
    "Kofi"sv,    "Amara"sv,     "Sanjay"sv,   "Mei"sv,       "Kenji"sv,     "Elena"sv,     "Ivan"sv,      "Olga"sv,
    "Nikolai"sv, "Zara"sv,      "Tariq"sv,    "Leila"sv,     "Jamal"sv,     "Ravi"sv,      "Ananya"sv,    "Hugo"sv,
    "Chloe"sv,   "Lukas"sv,     "Mila"sv,     "Finn"sv,      "Nora"sv,      "Pablo"sv,     "Carmen"sv,    "Tomas"sv,
    "Eva"sv,     "Jonas"sv,     "Freya"sv,    "Yusuf"sv,     "Chidi"sv,     "Ngozi"sv,     "Kwame"sv,     "Thabo"sv,
    "Ayumi"sv,   "Minjun"sv,    "Seoyeon"sv,  "Linh"sv,      "Minh"sv,      "Bao"sv,       "Ines"sv,      "Rafael"sv,
};

constexpr std::string_view kLastNames[] = {
    "Smith"sv,      "Johnson"sv,   "Williams"sv,   "Brown"sv,     "Jones"sv,     "Garcia"sv,     "Miller"sv,
    "Davis"sv,      "Rodriguez"sv, "Martinez"sv,   "Hernandez"sv, "Lopez"sv,     "Gonzalez"sv,   "Wilson"sv,
    "Anderson"sv,   "Thomas"sv,    "Taylor"sv,     "Moore"sv,     "Jackson"sv,   "Martin"sv,     "Lee"sv,
    "Perez"sv,      "Thompson"sv,  "White"sv,      "Harris"sv,    "Sanchez"sv,   "Clark"sv,      "Ramirez"sv,
    "Lewis"sv,      "Robinson"sv,  "Walker"sv,     "Young"sv,     "Allen"sv,     "King"sv,       "Wright"sv,
    "Scott"sv,      "Torres"sv,    "Nguyen"sv,     "Hill"sv,      "Flores"sv,    "Green"sv,      "Adams"sv,
    "Nelson"sv,     "Baker"sv,     "Hall"sv,       "Rivera"sv,    "Campbell"sv,  "Mitchell"sv,   "Carter"sv,
    "Roberts"sv,    "Gomez"sv,     "Phillips"sv,   "Evans"sv,     "Turner"sv,    "Diaz"sv,       "Parker"sv,
    "Cruz"sv,       "Edwards"sv,   "Collins"sv,    "Reyes"sv,     "Stewart"sv,   "Morris"sv,     "Morales"sv,
    "Murphy"sv,     "Cook"sv,      "Rogers"sv,     "Gutierrez"sv, "Ortiz"sv,     "Morgan"sv,     "Cooper"sv,
    "Peterson"sv,   "Bailey"sv,    "Reed"sv,       "Kelly"sv,     "Howard"sv,    "Ramos"sv,      "Kim"sv,
    "Cox"sv,        "Ward"sv,      "Richardson"sv, "Watson"sv,    "Brooks"sv,    "Chavez"sv,     "Wood"sv,
    "James"sv,      "Bennett"sv,   "Gray"sv,       "Mendoza"sv,   "Ruiz"sv,      "Hughes"sv,     "Price"sv,
    "Alvarez"sv,    "Castillo"sv,  "Sanders"sv,    "Patel"sv,     "Myers"sv,     "Long"sv,       "Ross"sv,
    "Foster"sv,     "Jimenez"sv,   "Powell"sv,     "Jenkins"sv,   "Perry"sv,     "Russell"sv,    "Sullivan"sv,
    "Bell"sv,       "Coleman"sv,   "Butler"sv,     "Henderson"sv, "Barnes"sv,    "Fisher"sv,     "Vasquez"sv,
    "Simmons"sv,    "Romero"sv,    "Patterson"sv,  "Hamilton"sv,  "Graham"sv,    "Reynolds"sv,   "Griffin"sv,
    "Wallace"sv,    "Moreno"sv,    "West"sv,       "Cole"sv,      "Hayes"sv,     "Bryant"sv,     "Herrera"sv,
    "Gibson"sv,     "Ellis"sv,     "Tran"sv,       "Medina"sv,    "Aguilar"sv,   "Stevens"sv,    "Murray"sv,
    "Ford"sv,       "Castro"sv,    "Marshall"sv,   "Owens"sv,     "Harrison"sv,  "Fernandez"sv,  "Woods"sv,
    "Washington"sv, "Kennedy"sv,   "Wells"sv,      "Vargas"sv,    "Chen"sv,      "Freeman"sv,    "Webb"sv,
    "Tucker"sv,     "Guzman"sv,    "Burns"sv,      "Crawford"sv,  "Olson"sv,     "Simpson"sv,    "Porter"sv,
    "Hunter"sv,     "Gordon"sv,    "Mendez"sv,     "Silva"sv,     "Shaw"sv,      "Snyder"sv,     "Mason"sv,
    "Dixon"sv,      "Munoz"sv,     "Hunt"sv,       "Hicks"sv,     "Holmes"sv,    "Palmer"sv,     "Wagner"sv,
    "Black"sv,      "Robertson"sv, "Boyd"sv,       "Stone"sv,     "Salazar"sv,   "Fox"sv,        "Warren"sv,
    "Mills"sv,      "Meyer"sv,     "Rice"sv,       "Schmidt"sv,   "Garza"sv,     "Daniels"sv,    "Ferguson"sv,
    "Nichols"sv,    "Stephens"sv,  "Soto"sv,       "Weaver"sv,    "Ryan"sv,      "Gardner"sv,    "Payne"sv,
    "Grant"sv,      "Dunn"sv,      "Spencer"sv,    "Hawkins"sv,   "Arnold"sv,    "Pierce"sv,     "Hansen"sv,
    "Peters"sv,     "Santos"sv,    "Hart"sv,       "Knight"sv,    "Elliott"sv,   "Cunningham"sv, "Duncan"sv,
    "Armstrong"sv,  "Hudson"sv,    "Carroll"sv,    "Lane"sv,      "Riley"sv,     "Andrews"sv,    "Berry"sv,
    "Perkins"sv,    "Hoffman"sv,   "Johnston"sv,   "Matthews"sv,  "Richards"sv,  "Willis"sv,     "Carpenter"sv,
    "Tanaka"sv,     "Sato"sv,      "Suzuki"sv,     "Wang"sv,      "Li"sv,        "Zhang"sv,      "Liu"sv,
    "Yamamoto"sv,   "Kowalski"sv,  "Novak"sv,      "Muller"sv,    "Schneider"sv, "Rossi"sv,      "Russo"sv,
    "Bianchi"sv,    "Dubois"sv,    "Moreau"sv,     "Laurent"sv,   "Jensen"sv,    "Nielsen"sv,    "Larsen"sv,
    "Andersson"sv,  "Johansson"sv, "Okafor"sv,     "Mensah"sv,    "Singh"sv,     "Kumar"sv,      "Sharma"sv,
    "Gupta"sv,      "Khan"sv,      "Ali"sv,        "Hassan"sv,    "Ahmed"sv,     "Ivanov"sv,     "Petrov"sv,
    "Costa"sv,      "Oliveira"sv,  "Pereira"sv,    "Park"sv,      "Choi"sv,      "Pham"sv,       "Haddad"sv,
};

constexpr std::string_view kMailDomains[] = {
    "example.com"sv,   "example.org"sv,  "example.net"sv,     "mail.example"sv,
    "inbox.example"sv, "post.example"sv, "letters.example"sv, "webmail.test"sv,
};

} // namespace

std::span<const std::string_view> NameCorpus::firstNames()
{
    return kFirstNames;
}

std::span<const std::string_view> NameCorpus::lastNames()
{
    return kLastNames;
}

std::span<const std::string_view> NameCorpus::mailDomains()
{
    return kMailDomains;
}

} // namespace quarry
