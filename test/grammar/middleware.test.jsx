// SYNTAX TEST "source.js.jsx" "metrics in a JSX file"
const views = new Counter({ name: 'views_total', help: 'h', labelNames: ['page'] });
//            ^^^^^^^^^^^ meta.metric.cardinal
//                                                                        ^^^^ string.label-name.cardinal
views.inc({ page: 'home' });
//          ^^^^ entity.name.label.cardinal
