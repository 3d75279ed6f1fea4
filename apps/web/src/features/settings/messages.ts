/** Interface text of the settings feature, in ICU MessageFormat (react-intl): English (Chinese in messages.zh.ts, loaded only for readers of Chinese). */
export const en = {
  'settings.title': "Business settings",
  'settings.responseTarget': "Inquiry response target (hours)",
  'settings.responseTargetHint': "Unanswered inquiries older than this are flagged overdue in the inbox.",
  'settings.marginFloor': "Margin floor (%)",
  'settings.marginFloorHint': "A quote line below this margin needs a manager’s approval; a product may set a higher one, never a lower one.",
  'settings.validity': "Default quote validity (days)",
  'settings.incoterms': "Incoterms we quote",
  'settings.incotermsHint': "The RFQ form offers only these, and an inquiry for another term is refused. Quote the terms the costing can price: FOB, CFR, CIF and their FCA, CPT, CIP twins; EXW.",
} as const;
