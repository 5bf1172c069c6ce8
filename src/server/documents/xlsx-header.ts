// Text for an XLSX page header or footer (exceljs `headerFooter`). Excel reads `&` there as the
// start of a control code (&P the page number, &D the date, &"font"…): a unit named
// "Văn hóa & Xã hội" would print wrong or not at all. A literal ampersand is written `&&`.
export const xlsxHeaderFooterText = (text: string): string => text.replaceAll('&', '&&');
