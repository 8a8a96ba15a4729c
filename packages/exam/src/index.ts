// Exam definitions as data (exams/<id>/exam.yaml). The engine helper extends this with parameters and
// engine-computed keys; the shape of `Exam` and `loadExam` below is what other packages rely on.
export { loadExam, listExams, examsDir, UnknownExamError, type Exam, type ExamPart } from './load.ts';
