// Placeholder: this page is being built.
export default function Page() {
  return <main className="p-8 text-sm text-slate-500">settings</main>;
}
