// Resetting a binding is confirmed by typing its feature number: resetting 34 (Askozia CFE) when
// 33 (Askozia PBX) was meant breaks another product, so only the exact number unlocks the button.
export function confirmsFeature(typed: string, feature: number): boolean {
  const m = /^\s*(\d{1,5})\s*$/.exec(typed);
  return m !== null && Number(m[1]) === feature;
}
