/** A LinkedIn Connections.csv for benchmarks: the real preamble and header, varied names and fields. */
const FIRST = ['Maren', 'Tobias', 'Ana "Nani"', '健太', 'Jürgen', 'Layla', 'Ольга', 'Priya', 'Sam', 'Lucía', 'Wei', 'Chidi'];
const LAST = ['Holt', 'Engel', 'Okafor', '佐藤', 'Müller', 'Haddad', 'Смирнова', 'Raman', "O'Neil", 'García', 'Zhang', 'Eze'];
const COMPANIES = ['Northwind Analytics', 'Fabrikam, Inc.', 'Contoso Health', '株式会社ノースウィンド', 'Tailspin Toys GmbH', ''];
const POSITIONS = ['Head of Customer Success', 'VP Sales', 'Director, Patient Experience', '営業部長', 'Account Executive', ''];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A Connections.csv as LinkedIn writes it, with `count` distinct people. */
export function connectionsCsv(count: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let index = 0; index < count; index += 1) {
    const first = FIRST[index % FIRST.length]!;
    const last = LAST[(index * 7) % LAST.length]!;
    const slug = encodeURIComponent(`${first}-${last}-${index.toString(36)}`.toLowerCase().replace(/["' ]/g, ''));
    const email = index % 5 === 0 ? `person${index}@example.com` : '';
    const date = `${String((index % 28) + 1).padStart(2, '0')} ${MONTHS[index % 12]!} ${2015 + (index % 12)}`;
    const cells = [first, last, `https://www.linkedin.com/in/${slug}`, email, COMPANIES[index % COMPANIES.length]!, POSITIONS[index % POSITIONS.length]!, date];
    lines.push(cells.map(quote).join(','));
  }
  return lines.join('\n') + '\n';
}
