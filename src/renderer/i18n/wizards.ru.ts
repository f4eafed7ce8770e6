// Stub (UI-A): UI-B overwrites this with the wizards' ru strings (merged under the 'wizard' key).
export default {};
