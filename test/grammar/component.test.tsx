// SYNTAX TEST "source.tsx" "metrics next to JSX"
const renders = new Counter({ name: 'renders_total', help: 'h', labelNames: ['component'] });
//              ^^^^^^^^^^^ meta.metric.cardinal
//                                                                            ^^^^^^^^^ string.label-name.cardinal
export const Badge = ({ name }: { name: string }) => {
  renders.inc({ component: 'Badge' });
//              ^^^^^^^^^ entity.name.label.cardinal
  return <span>{name}</span>;
};
