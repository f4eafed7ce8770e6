// The answer code as a file: named after the PBX, exactly the code's lines, one final line break.
export function answerFileName(serial: string): string {
  const safe = serial.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'pbx';
  return `${safe}-answer.txt`;
}

export const answerFileText = (code: string): string => `${code.replace(/\r\n?/g, '\n').trimEnd()}\n`;
