import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#contracts/common.ts';
import {
  ackSchema,
  classNoteSchema,
  contactBookQuery,
  contactBookSchema,
  noteBody,
  postedNoteSchema,
} from '#contracts/contact-book.ts';
import { myStudentSchema } from '#contracts/students.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { acknowledgeNote, classNotes, postNote } from './notes.ts';
import { contactBook, myChildren } from './service.ts';

const tags = ['contact-book'];

/** Sổ liên lạc: the family's view of a student, and the class notes teachers send to families. */
export const contactBookRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/contact-book/children',
    { schema: { tags, response: { 200: z.array(myStudentSchema) } } },
    (req) => myChildren(ctxOf(req)),
  );
  api.get(
    '/contact-book/students/:id',
    {
      schema: { tags, params: idParams, querystring: contactBookQuery, response: { 200: contactBookSchema } },
    },
    (req) => contactBook(ctxOf(req), req.params.id, req.query.schoolYear),
  );
  api.get(
    '/classes/:id/notes',
    { schema: { tags, params: idParams, response: { 200: z.array(classNoteSchema) } } },
    (req) => classNotes(ctxOf(req), req.params.id),
  );
  api.post(
    '/classes/:id/notes',
    { schema: { tags, params: idParams, body: noteBody, response: { 201: postedNoteSchema } } },
    async (req, reply) => reply.status(201).send(await postNote(ctxOf(req), req.params.id, req.body)),
  );
  api.post(
    '/class-notes/:id/ack',
    { schema: { tags, params: idParams, response: { 200: ackSchema } } },
    (req) => acknowledgeNote(ctxOf(req), req.params.id),
  );
};
