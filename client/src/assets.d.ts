// Vite's `?url` imports: the asset's URL in the built client (the PDF.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
