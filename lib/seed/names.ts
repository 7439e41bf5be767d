/** Given and family names for the seed: Swedish, and the languages of recent arrivals. */

export const SWEDISH_GIVEN = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Anders', 'Emma', 'Mikael', 'Elin', 'Oskar', 'Linnea', 'Viktor', 'Ida', 'Fredrik', 'Hanna', 'Jonas', 'Sofia', 'Patrik'];
export const SWEDISH_FAMILY = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Holm', 'Berg', 'Lindqvist', 'Ek'];
export const NEWCOMER_GIVEN = ['Ahmad', 'Fatima', 'Mohammed', 'Amina', 'Omar', 'Hodan', 'Yonas', 'Selam', 'Hassan', 'Leila', 'Ali', 'Zahra', 'Abdi', 'Samira', 'Tesfay', 'Noor', 'Mustafa', 'Rahel', 'Farid', 'Maryam'];
export const NEWCOMER_FAMILY = ['Hussein', 'Ali', 'Mohamed', 'Abdullahi', 'Haile', 'Tesfaye', 'Rahimi', 'Ahmadi', 'Al-Hassan', 'Nasser', 'Yusuf', 'Karimi', 'Osman', 'Berhane', 'Haddad'];
