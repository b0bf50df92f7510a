/** One text run of a PDF page as pdf.js reads it, in PDF user space (origin bottom-left, points). */
export type PdfTextItem = {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
  /** Not horizontal: side stamps ("Número: 2025-0001 Fecha: …" printed up the margin). */
  rotated: boolean;
};

export type PdfPage = { width: number; height: number; items: PdfTextItem[] };
