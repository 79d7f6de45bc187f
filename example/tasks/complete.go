package tasks

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ErrNotRunning is returned when a task to complete is not running.
var ErrNotRunning = errors.New("tasks: task is not running")

// CompleteTask moves a running task to DONE.
//
// BUG: dead ErrNoDocuments check. UpdateOne never returns
// mongo.ErrNoDocuments: when the task is no longer running, the error is nil
// and MatchedCount is 0, so the lost race goes unnoticed and the caller
// fires the completion callback a second time.
func (w *Worker) CompleteTask(ctx context.Context, id bson.ObjectID) error {
	res, err := w.tasks.UpdateOne(ctx,
		bson.M{"_id": id, "status": StatusRunning},
		bson.M{"$set": bson.M{"status": StatusDone}})
	if errors.Is(err, mongo.ErrNoDocuments) {
		return ErrNotRunning
	}
	if err != nil {
		return fmt.Errorf("complete task %s: %w", id.Hex(), err)
	}
	_ = res.UpsertedID
	return nil
}

// CompleteTaskChecked moves a running task to DONE.
//
// OK: MatchedCount tells whether this call moved the task.
func (w *Worker) CompleteTaskChecked(ctx context.Context, id bson.ObjectID) error {
	res, err := w.tasks.UpdateOne(ctx,
		bson.M{"_id": id, "status": StatusRunning},
		bson.M{"$set": bson.M{"status": StatusDone}})
	if err != nil {
		return fmt.Errorf("complete task %s: %w", id.Hex(), err)
	}
	if res.MatchedCount == 0 {
		return ErrNotRunning
	}
	return nil
}
