/**
 * Given and family names for the seed, by origin, so a person's given and family name come
 * from the same language. The weights are a rough shape of who the districts meet, not
 * statistics.
 */

export interface NameList {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

export const ORIGINS = ['swedish', 'syrian', 'iraqi', 'somali', 'eritrean', 'afghan', 'iranian', 'kurdish', 'ethiopian', 'balkan', 'latin'] as const;
export type Origin = (typeof ORIGINS)[number];

export const NAMES: Record<Origin, NameList> = {
  swedish: {
    male: ['Erik', 'Lars', 'Johan', 'Anders', 'Mikael', 'Oskar', 'Viktor', 'Fredrik', 'Jonas', 'Patrik', 'Daniel', 'Marcus', 'Kristoffer', 'Niklas', 'Emil', 'Per', 'Magnus', 'Tobias', 'Joakim', 'Sebastian'],
    female: ['Anna', 'Maria', 'Karin', 'Sara', 'Emma', 'Elin', 'Linnea', 'Ida', 'Hanna', 'Sofia', 'Malin', 'Jenny', 'Therese', 'Johanna', 'Camilla', 'Frida', 'Matilda', 'Lina', 'Helena', 'Ebba'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Holm', 'Berg', 'Lindqvist', 'Ek', 'Forsberg', 'Sandberg', 'Lundgren', 'Wallin', 'Engström'],
  },
  syrian: {
    male: ['Mohammad', 'Ahmad', 'Khaled', 'Omar', 'Yousef', 'Mahmoud', 'Ibrahim', 'Bilal', 'Rami', 'Hussam', 'Fadi', 'Samer'],
    female: ['Fatima', 'Rasha', 'Hiba', 'Lina', 'Nour', 'Rania', 'Dima', 'Ghada', 'Yasmin', 'Rim', 'Aya', 'Heba'],
    family: ['Al-Hassan', 'Haddad', 'Khalil', 'Al-Ahmad', 'Hamdan', 'Al-Khatib', 'Darwish', 'Suleiman', 'Al-Masri', 'Kassem', 'Halabi', 'Al-Omar'],
  },
  iraqi: {
    male: ['Ali', 'Hussein', 'Haider', 'Mustafa', 'Abbas', 'Karrar', 'Ammar', 'Saif', 'Muntadhar', 'Zaid'],
    female: ['Zainab', 'Maryam', 'Noor', 'Sarah', 'Huda', 'Ruqaya', 'Shahad', 'Iman', 'Zahraa', 'Tiba'],
    family: ['Al-Saadi', 'Al-Jubouri', 'Al-Rubaie', 'Hamoudi', 'Al-Musawi', 'Jawad', 'Al-Tamimi', 'Kadhim', 'Al-Obaidi', 'Salman'],
  },
  somali: {
    male: ['Abdi', 'Abdullahi', 'Mohamed', 'Hassan', 'Ahmed', 'Abdirahman', 'Mahad', 'Liban', 'Yusuf', 'Guled'],
    female: ['Hodan', 'Amina', 'Fadumo', 'Hawa', 'Sahra', 'Ifrah', 'Ayan', 'Asha', 'Maryan', 'Nimco'],
    family: ['Abdullahi', 'Mohamed', 'Warsame', 'Farah', 'Osman', 'Aden', 'Hussein', 'Jama', 'Ismail', 'Abdi', 'Nur', 'Egal'],
  },
  eritrean: {
    male: ['Yonas', 'Dawit', 'Filmon', 'Samuel', 'Tesfalem', 'Habtom', 'Robel', 'Merhawi', 'Biniam', 'Yohannes'],
    female: ['Selam', 'Rahel', 'Senait', 'Helen', 'Yordanos', 'Saba', 'Luwam', 'Winta', 'Feven', 'Mebrat'],
    family: ['Tesfay', 'Berhane', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Ghebrehiwet', 'Mehari', 'Asfaha', 'Woldu'],
  },
  afghan: {
    male: ['Ahmad', 'Mohammad', 'Hamid', 'Javid', 'Farid', 'Sayed', 'Nasir', 'Mujtaba', 'Rahmatullah', 'Sohrab'],
    female: ['Zahra', 'Fatima', 'Parwana', 'Shabnam', 'Nazanin', 'Farzana', 'Mursal', 'Marzia', 'Freshta', 'Mahbooba'],
    family: ['Ahmadi', 'Rahimi', 'Hosseini', 'Karimi', 'Mohammadi', 'Noori', 'Sultani', 'Haidari', 'Rezaie', 'Amiri', 'Sharifi', 'Jafari'],
  },
  iranian: {
    male: ['Reza', 'Mehdi', 'Amir', 'Hossein', 'Babak', 'Arash', 'Dariush', 'Kaveh', 'Saeed', 'Omid'],
    female: ['Maryam', 'Nasrin', 'Shirin', 'Leila', 'Parisa', 'Mina', 'Azadeh', 'Roya', 'Golnaz', 'Samira'],
    family: ['Tehrani', 'Moradi', 'Rostami', 'Hashemi', 'Shahbazi', 'Kazemi', 'Sadeghi', 'Ghorbani', 'Bahrami', 'Nazari'],
  },
  kurdish: {
    male: ['Rebin', 'Dilshad', 'Karwan', 'Shwan', 'Azad', 'Sherko', 'Hawre', 'Ronak', 'Aram', 'Bakhtiyar'],
    female: ['Jiyan', 'Berivan', 'Nasrin', 'Rojin', 'Shilan', 'Avin', 'Dilan', 'Hêvî', 'Zilan', 'Narin'],
    family: ['Barzani', 'Ahmed', 'Rashid', 'Mahmud', 'Karim', 'Aziz', 'Hama', 'Qadir', 'Salih', 'Rasul'],
  },
  ethiopian: {
    male: ['Abebe', 'Tesfaye', 'Dereje', 'Getachew', 'Solomon', 'Henok', 'Mulugeta', 'Girma'],
    female: ['Almaz', 'Tigist', 'Meron', 'Hiwot', 'Bethlehem', 'Mekdes', 'Selamawit', 'Tsehay'],
    family: ['Bekele', 'Tadesse', 'Alemu', 'Girma', 'Wondimu', 'Mengistu', 'Desta', 'Kebede'],
  },
  balkan: {
    male: ['Amir', 'Edin', 'Haris', 'Dragan', 'Nenad', 'Adnan', 'Mirza', 'Goran'],
    female: ['Amra', 'Lejla', 'Jasmina', 'Mirela', 'Selma', 'Ajla', 'Snežana', 'Ivana'],
    family: ['Hodžić', 'Begić', 'Kovačević', 'Petrović', 'Husić', 'Delić', 'Jovanović', 'Mehmedović'],
  },
  latin: {
    male: ['Carlos', 'Jorge', 'Luis', 'Diego', 'Andrés', 'Pablo', 'Cristián', 'Rodrigo'],
    female: ['María', 'Carolina', 'Daniela', 'Paola', 'Valentina', 'Camila', 'Natalia', 'Claudia'],
    family: ['González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva'],
  },
};

/** Origins of newly arrived refugees received in Stockholm in recent years (rough shape). */
export const NEWCOMER_ORIGINS: readonly (readonly [Origin, number])[] = [
  ['syrian', 30],
  ['eritrean', 16],
  ['afghan', 16],
  ['somali', 12],
  ['iraqi', 8],
  ['iranian', 6],
  ['kurdish', 6],
  ['ethiopian', 6],
];

/** Origins of recent immigrants on family-ties or work permits (rough shape). */
export const IMMIGRANT_ORIGINS: readonly (readonly [Origin, number])[] = [
  ['syrian', 15],
  ['iraqi', 15],
  ['somali', 15],
  ['eritrean', 10],
  ['afghan', 10],
  ['iranian', 10],
  ['kurdish', 8],
  ['balkan', 7],
  ['latin', 10],
];

/** Origins of everyone else the districts support: born in Sweden or settled long ago. */
export const SETTLED_ORIGINS: readonly (readonly [Origin, number])[] = [
  ['swedish', 50],
  ['somali', 8],
  ['iraqi', 8],
  ['iranian', 6],
  ['syrian', 6],
  ['kurdish', 5],
  ['balkan', 5],
  ['eritrean', 4],
  ['afghan', 3],
  ['ethiopian', 2],
  ['latin', 3],
];
