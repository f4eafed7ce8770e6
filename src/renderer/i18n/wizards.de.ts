// Stub (UI-A): UI-B overwrites this with the wizards' de strings (merged under the 'wizard' key).
export default {};
